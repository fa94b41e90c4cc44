import ChipProtocol
import ICAOCrypto
import Testing

/// Keys and sessions never print their secrets, whatever way a value is turned into text.
@Suite struct SecretRedactionTests {
    @Test func keysAndSessionsAreRedacted() throws {
        let keys = try BACKeys(mrz: try BACTests.mrz())
        let session = SecureMessagingVectorTests.bacSession()
        for text in ["\(keys)", String(reflecting: keys), "\(session)", String(reflecting: session)] {
            #expect(text.hasSuffix("(redacted)"))
            #expect(!text.contains("AB94") && !text.contains("171") && !text.contains("979E"))
        }
        var dumped = ""
        dump(session, to: &dumped)
        #expect(!dumped.contains("encryptionKey"))
        #expect(!dumped.contains("151"))  // 0x97 of KS_enc as a decimal array element
    }
}
