import CCCDIdentity
import ChipProtocol
import Foundation
import ICAOCrypto

/// LDS files and keys for the reader tests: invented content of exact sizes, the CCCD
/// EF.CardAccess of cccd.md §3.1, and keys made by the `openssl` command-line tool.
enum ReaderFixtures {
    /// EF.CardAccess of real CCCDs: TA v1, CA ECDH AES-128, PACE ECDH-GM-AES-128 on brainpoolP256r1.
    static let cardAccess = hex("3134300D060804007F0007020202020101300F060A04007F000702020302020201013012060A04007F0007020204020202010202010D")
    static let can = "123456"

    /// A file of exactly `total` bytes: `tag`, a DER length, then a counting pattern.
    static func file(tag: UInt8, total: Int) -> [UInt8] {
        var valueLength = total - 2
        while 1 + TLVHeaderLength.of(valueLength) + valueLength > total { valueLength -= 1 }
        let value = (0..<valueLength).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }
        return TLV(tag: UInt32(tag), value: value).encoded
    }

    /// EF.COM listing `tags` (LDS 1.7, Unicode 4.0.0).
    static func com(listing tags: [UInt8]) -> [UInt8] {
        TLV(tag: 0x60, value: TLV(tag: 0x5F01, value: Array("0107".utf8)).encoded
            + TLV(tag: 0x5F36, value: Array("040000".utf8)).encoded + TLV(tag: 0x5C, value: tags).encoded).encoded
    }

    /// A CCCD-shaped card: EF.COM lists DG1, DG2, DG3, DG13, DG14, DG15 (cccd.md §3).
    static func cccdFiles(dg14: [UInt8], dg15: [UInt8]) -> [UInt16: [UInt8]] {
        [
            0x011E: com(listing: [0x61, 0x75, 0x63, 0x6D, 0x6E, 0x6F]),
            0x011D: file(tag: 0x77, total: 1_900),
            0x0101: file(tag: 0x61, total: 95),
            0x0102: file(tag: 0x75, total: 14_000),
            0x0103: file(tag: 0x63, total: 300),
            0x010D: file(tag: 0x6D, total: 700),
            0x010E: dg14,
            0x010F: dg15,
        ]
    }

    /// The DER SubjectPublicKeyInfo of a brainpoolP256r1 point (named curve).
    static func brainpoolSubjectPublicKeyInfo(_ point: ECPoint) -> [UInt8] {
        let algorithm = TLV(tag: 0x30, value: hex("06072A8648CE3D0201") + hex("06092B2403030208010107")).encoded
        return TLV(tag: 0x30, value: algorithm + TLV(tag: 0x03, value: [0x00] + point.uncompressedEncoding).encoded).encoded
    }

    /// DG14 with one ChipAuthenticationInfo (ECDH, AES-128) and the chip's public key.
    static func dg14(chipKey: ECPoint) -> [UInt8] {
        let info = TLV(tag: 0x30, value: hex("060A04007F00070202030202") + hex("020101")).encoded
        let keyInfo = TLV(tag: 0x30, value: hex("060904007F000702020102") + brainpoolSubjectPublicKeyInfo(chipKey)).encoded
        return TLV(tag: 0x6E, value: TLV(tag: 0x31, value: info + keyInfo).encoded).encoded
    }

    /// A chip key pair for Chip Authentication.
    static func chipAuthenticationKeyPair() throws -> ECKeyPair {
        let curve = try OpenSSLCrypto().ellipticCurve(.brainpoolP256r1)
        return try curve.generateKeyPair(base: curve.generator, using: SystemRandomSource())
    }

    /// An invented holder whose CAN is ``can``.
    static func credentials() -> ChipCredentials {
        ChipCredentials(cardAccessNumber: CardAccessNumber(can))
    }
}

enum TLVHeaderLength {
    static func of(_ length: Int) -> Int {
        length < 0x80 ? 1 : length < 0x100 ? 2 : length < 0x10000 ? 3 : length < 0x1000000 ? 4 : 5
    }
}
