import ChipProtocol
import ICAOCrypto
import Testing

/// PACE-GM and PACE-IM variants without a worked example, against ``SimulatedPACEChip``: the session keys
/// must agree (a protected response from the chip verifies), and a wrong CAN must fail cleanly.
@Suite struct PACESimulatedChipTests {
    /// (OID arcs after id-PACE, cipher, parameter id)
    static let variants: [(mapping: UInt8, cipherArc: UInt8, cipher: CipherAlgorithm, parameterID: Int)] = [
        (2, 2, .aes128, 13),  // the CCCD's variant
        (2, 1, .tripleDES, 12),
        (2, 3, .aes192, 16),
        (2, 4, .aes256, 18),
        (2, 2, .aes128, 8),
        (1, 2, .aes128, 0),
        (1, 1, .tripleDES, 1),
        (1, 4, .aes256, 2),
        // Integrated mapping
        (4, 1, .tripleDES, 13),
        (4, 3, .aes192, 15),
        (4, 4, .aes256, 17),
        (3, 2, .aes128, 0),
        (3, 4, .aes256, 2),
    ]

    static func info(mapping: UInt8, cipherArc: UInt8, parameterID: Int) throws -> (PACEInfo, [UInt8]) {
        let oid: [UInt8] = [0x04, 0x00, 0x7F, 0x00, 0x07, 0x02, 0x02, 0x04, mapping, cipherArc]
        let entry = TLV(tag: 0x30, value: TLV(tag: 0x06, value: oid).encoded + hex("020102") + TLV(tag: 0x02, value: [UInt8(parameterID)]).encoded)
        let infos = try SecurityInfos(berEncoded: TLV(tag: 0x31, value: entry.encoded).encoded)
        return (try #require(infos.paceInfos.first), oid)
    }

    @Test(arguments: variants.indices)
    func sessionKeysAgreeWithTheChip(index: Int) async throws {
        let variant = Self.variants[index]
        let (info, oid) = try Self.info(mapping: variant.mapping, cipherArc: variant.cipherArc, parameterID: variant.parameterID)
        #expect(info.algorithm.cipher == variant.cipher)
        let chip = try SimulatedPACEChip(cipher: variant.cipher, oid: oid, parameterID: variant.parameterID, can: "123456")
        let result = try await PACE(info: info, password: .can("123456")).establish(over: chip)

        var session = result.secureMessaging
        _ = try session.protect(CommandAPDU(ins: 0xB0, p1: 0, p2: 0, expectedLength: 4))
        let answer = try ResponseAPDU(encoded: try await chip.protectedAnswer(hex("60145F01")))
        #expect(try session.unprotect(answer).data.hexString == "60145F01")
    }

    @Test func wrongCANIsAWrongPassword() async throws {
        let (info, oid) = try Self.info(mapping: 2, cipherArc: 2, parameterID: 13)
        let chip = try SimulatedPACEChip(cipher: .aes128, oid: oid, parameterID: 13, can: "123456")
        do {
            _ = try await PACE(info: info, password: .can("654321")).establish(over: chip)
            Issue.record("PACE succeeded with the wrong CAN")
        } catch let error as PACEError {
            #expect(error.reason == .wrongPassword)
            #expect(error.description == "pace.password.wrong: The card access number (CAN/MRZ) is wrong")
        }
    }

    @Test func canMustBeDigits() async throws {
        let (info, oid) = try Self.info(mapping: 2, cipherArc: 2, parameterID: 13)
        let chip = try SimulatedPACEChip(cipher: .aes128, oid: oid, parameterID: 13, can: "123456")
        do {
            _ = try await PACE(info: info, password: .can("12 456")).establish(over: chip)
            Issue.record("PACE accepted a CAN with a space")
        } catch let error as PACEError {
            #expect(error.reason == .invalidPassword)
        }
        #expect("\(PACEPassword.can("123456"))" == "PACEPassword(redacted)")
    }
}
