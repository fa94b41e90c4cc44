import ChipProtocol
import ICAOCrypto
import Testing
@testable import VirtualChip

/// The terminal side of Chip Authentication written out here from Doc 9303-11 §6.2, against the
/// chip: the static key comes from DG14 as read, and success shows as the next protected
/// response verifying under the new keys.
@Suite struct ChipAuthenticationTests {
    static let caOID = hex("04007F00070202030202")

    @Test func chipAuthenticationRestartsSecureMessagingWithNewKeys() async throws {
        let transport = try Fixtures.chip()
        var channel = try await Access.pace(transport)
        let chipKey = try Self.staticPublicKey(dg14: try await channel.readFile(0x010E))
        let curve = try OpenSSLCrypto().ellipticCurve(.brainpoolP256r1)
        let terminal = try curve.generateKeyPair(base: curve.generator, using: SystemRandomSource())

        let setAT = try await channel.send(CommandAPDU(ins: 0x22, p1: 0x41, p2: 0xA4, data: TLV(tag: 0x80, value: Self.caOID).encoded))
        #expect(setAT.status == .success)
        let data = TLV(tag: 0x7C, value: TLV(tag: 0x80, value: terminal.publicKey.uncompressedEncoding).encoded).encoded
        let answer = try await channel.send(CommandAPDU(ins: 0x86, p1: 0, p2: 0, data: data, expectedLength: 256))
        #expect(answer.status == .success)
        #expect(answer.data == [0x7C, 0x00])

        let crypto = OpenSSLCrypto()
        let secret = try curve.sharedSecret(privateKey: terminal.privateKey, peer: try curve.decodePoint(chipKey))
        var restarted = channel
        restarted.session = try AESSecureMessaging(
            encryptionKey: try crypto.deriveKey(from: secret, counter: .encryption, for: .aes128),
            macKey: try crypto.deriveKey(from: secret, counter: .mac, for: .aes128)
        )
        #expect(try await restarted.readFile(0x011E) == transport.chip.files.efCOM)
        // The old PACE keys are gone: the chip no longer accepts them.
        await #expect(throws: SecureMessagingError.self) {
            _ = try await channel.send(CommandAPDU(ins: 0xB0, p1: 0, p2: 0, expectedLength: 4))
        }
    }

    @Test func withoutCAMSERefusesTheProtocol() async throws {
        let transport = try Fixtures.chip(options: Fixtures.options { $0.withoutCA = true })
        var channel = try await Access.pace(transport)
        let setAT = try await channel.send(CommandAPDU(ins: 0x22, p1: 0x41, p2: 0xA4, data: TLV(tag: 0x80, value: Self.caOID).encoded))
        #expect(setAT.status == .incorrectData)
    }

    @Test func chipAuthenticationNeedsASecureSession() async throws {
        let transport = try Fixtures.chip()
        #expect(try await transport.transmit(hex("002241A40C800A04007F00070202030202")) == [0x69, 0x82])
    }

    /// The BIT STRING point of the id-PK-ECDH ChipAuthenticationPublicKeyInfo in DG14.
    static func staticPublicKey(dg14: [UInt8]) throws -> [UInt8] {
        let infos = try TLV(decoding: try TLV(decoding: dg14, expectedTag: 0x6E).value, expectedTag: 0x31).children()
        for info in infos {
            let fields = try info.children()
            guard fields.first?.value == hex("04007F000702020102"), fields.count >= 2 else { continue }
            let keyInfo = try fields[1].children()
            let bitString = try keyInfo.required(tag: 0x03).value
            return Array(bitString.dropFirst())  // unused-bits byte
        }
        throw TLVError(.missingObject, diagnostic: "no ChipAuthenticationPublicKeyInfo")
    }
}
