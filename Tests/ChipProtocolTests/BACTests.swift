import ChipProtocol
import ICAOCrypto
import Testing

/// Doc 9303-11 App. D: every intermediate value, then the two-APDU exchange and the first
/// protected commands of App. D.4 on the session it establishes.
@Suite struct BACTests {
    static let rndIC = hex("4608F91988702212")
    static let rndIFD = hex("781723860C06C226")
    static let kIFD = hex("0B795240CB7049B01C19B33E32804F0B")
    static let chipAnswer = "46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F" + "2F2D235D074D7449"

    static func mrz() throws -> MRZInformation {
        try MRZInformation(documentNumber: "L898902C", dateOfBirth: "690806", dateOfExpiry: "940623")
    }

    @Test func mrzInformationWithCheckDigits() throws {
        #expect(try Self.mrz().value == "L898902C<369080619406236")
        #expect("\(try Self.mrz())" == "MRZInformation(redacted)")
        expectFailure(BACError(.invalidDate)) { _ = try MRZInformation(documentNumber: "L898902C", dateOfBirth: "69086", dateOfExpiry: "940623") }
        expectFailure(BACError(.invalidDocumentNumber)) { _ = try MRZInformation(documentNumber: "L89-902C", dateOfBirth: "690806", dateOfExpiry: "940623") }
    }

    @Test func keysAndMutualAuthenticationOfAppendixD() throws {
        let keys = try BACKeys(mrz: try Self.mrz())
        #expect(keys.seed.hexString == "239AB9CB282DAF66231DC5A4DF6BFBAE")
        #expect(keys.encryptionKey.hexString == "AB94FDECF2674FDFB9B391F85D7F76F2")
        #expect(keys.macKey.hexString == "7962D9ECE03D1ACD4C76089DCE131543")

        let authentication = try BACMutualAuthentication(keys: keys, chipChallenge: Self.rndIC, terminalChallenge: Self.rndIFD, terminalKeyMaterial: Self.kIFD)
        #expect(try authentication.commandData().hexString == "72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F2" + "5F1448EEA8AD90A7")

        let session = try authentication.sessionKeys(fromChipResponse: hex(Self.chipAnswer))
        #expect(session.encryptionKey.hexString == "979EC13B1CBFE9DCD01AB0FED307EAE5")
        #expect(session.macKey.hexString == "F1CB1F1FB5ADF208806B89DC579DC1F8")
        #expect(session.sendSequenceCounter.bytes.hexString == "887022120C06C226")
    }

    @Test func chipThatDoesNotEchoOurChallengeIsRejected() throws {
        let keys = try BACKeys(mrz: try Self.mrz())
        let other = try BACMutualAuthentication(keys: keys, chipChallenge: Self.rndIC, terminalChallenge: hex("0000000000000000"), terminalKeyMaterial: Self.kIFD)
        expectFailure(BACError(.challengeMismatch)) { _ = try other.sessionKeys(fromChipResponse: hex(Self.chipAnswer)) }
        let authentication = try BACMutualAuthentication(keys: keys, chipChallenge: Self.rndIC, terminalChallenge: Self.rndIFD, terminalKeyMaterial: Self.kIFD)
        var forged = hex(Self.chipAnswer)
        forged[3] ^= 0x01
        expectFailure(BACError(.invalidChipResponse)) { _ = try authentication.sessionKeys(fromChipResponse: forged) }
        expectFailure(BACError(.invalidChipResponse)) { _ = try authentication.sessionKeys(fromChipResponse: Array(forged.prefix(32))) }
    }

    @Test func establishesSessionOverTransportAndReadsEFCOM() async throws {
        let trace = ScriptedTransport([
            ("0084000008", "4608F919887022129000"),
            ("0082000028" + "72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F25F1448EEA8AD90A7" + "28", Self.chipAnswer + "9000"),
        ] + SecureMessagingVectorTests.exchanges.map { ($0.protected, $0.response) })
        let bac = try BasicAccessControl(mrz: try Self.mrz(), random: ScriptedRandom([Self.rndIFD, Self.kIFD]))
        var session = try await bac.establish(over: trace)
        var files: [String] = []
        for exchange in SecureMessagingVectorTests.exchanges {
            let protected = try session.protect(try CommandAPDU(encoded: hex(exchange.plain)))
            files.append(try session.unprotect(try await trace.transmit(protected)).data.hexString)
        }
        #expect(files == ["", "60145F01", "04303130365F36063034303030305C026175"])
        #expect(await trace.remaining == 0)
    }

    @Test func wrongMRZIsAccessDenied() async throws {
        let trace = ScriptedTransport([
            ("0084000008", "4608F919887022129000"),
            ("0082000028" + "72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F25F1448EEA8AD90A7" + "28", "6300"),
        ])
        let bac = try BasicAccessControl(mrz: try Self.mrz(), random: ScriptedRandom([Self.rndIFD, Self.kIFD]))
        do {
            _ = try await bac.establish(over: trace)
            Issue.record("BAC succeeded against a chip that refused the key")
        } catch let error as BACError {
            #expect(error.reason == .accessDenied)
            #expect(error.code == "bac.accessDenied")
        }
    }
}
