import ChipProtocol
import ICAOCrypto
import Testing

/// Doc 9303-11 App. D.4 (3DES after BAC) and the AES-128 real-chip vector, byte for byte.
@Suite struct SecureMessagingVectorTests {
    static func bacSession() -> TripleDESSecureMessaging {
        TripleDESSecureMessaging(
            encryptionKey: hex("979EC13B1CBFE9DCD01AB0FED307EAE5"),
            macKey: hex("F1CB1F1FB5ADF208806B89DC579DC1F8"),
            sendSequenceCounter: SendSequenceCounter(bytes: hex("887022120C06C226"))
        )
    }

    static let exchanges: [(plain: String, protected: String, response: String, data: String)] = [
        ("00A4020C02011E", "0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800",
         "990290008E08FA855A5D4C50A8ED9000", ""),
        ("00B0000004", "0CB000000D9701048E08ED6705417E96BA5500",
         "8709019FF0EC34F9922651990290008E08AD55CC17140B2DED9000", "60145F01"),
        ("00B0000412", "0CB000040D9701128E082EA28A70F3C7B53500",
         "871901FB9235F4E4037F2327DCC8964F1F9B8C30F42C8E2FFF224A990290008E08C8B2787EAEA07D749000",
         "04303130365F36063034303030305C026175"),
    ]

    @Test func appendixD4SelectAndReadEFCOM() throws {
        var session = Self.bacSession()
        for exchange in Self.exchanges {
            let protected = try session.protect(try CommandAPDU(encoded: hex(exchange.plain)))
            #expect(try protected.encoded().hexString == exchange.protected)
            let response = try session.unprotect(try ResponseAPDU(encoded: hex(exchange.response)))
            #expect(response.status == .success)
            #expect(response.data.hexString == exchange.data)
        }
        #expect(session.sendSequenceCounter.bytes.hexString == "887022120C06C22C")
    }

    @Test func aes128ProtectsMSESetATOfRealChip() throws {
        var session = try AESSecureMessaging(
            encryptionKey: hex("cc86415f2ed7e8fd663b754265695ae1"),
            macKey: hex("581e84b8ee06c4d3eee30461498d7fb3"),
            sendSequenceCounter: SendSequenceCounter(bytes: hex("000000000000000000000000000000ba"))
        )
        let protected = try session.protect(try CommandAPDU(encoded: hex("002241A40F800A04007F000702020302028401C3")))
        #expect(try protected.encoded().hexString == "0C2241A41D871101980953D37F67558690045D78A853B18A8E08929767A2CEF172E200")
        #expect(session.sendSequenceCounter.bytes.hexString == "000000000000000000000000000000BB")
    }

    @Test func sendSequenceCounterCarriesAndWraps() {
        var counter = SendSequenceCounter(bytes: hex("00FFFF"))
        counter.increment()
        #expect(counter.bytes.hexString == "010000")
        var full = SendSequenceCounter(bytes: hex("FFFF"))
        full.increment()
        #expect(full.bytes.hexString == "0000")
    }
}
