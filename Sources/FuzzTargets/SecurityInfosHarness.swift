import ChipProtocol
import ICAOCrypto
import LDS

/// The chip's protocol lists and keys: EF.CardAccess (a bare `SET OF SecurityInfo`), DG14 (the
/// same inside `6E`, plus Chip Authentication public keys), DG15 (the Active Authentication key)
/// and EF.COM — dispatched on the first byte, the file's own tag, so seeds need no framing. The
/// keys go on to OpenSSL's import, as Chip and Active Authentication use them.
enum SecurityInfosHarness {
    static let crypto = OpenSSLCrypto()

    static func run(_ data: [UInt8]) {
        switch data.first {
        case 0x6E:
            guard let group = try? DataGroup14(encoded: data) else { return }
            for info in group.securityInfos.chipAuthenticationInfos { _ = group.publicKey(for: info) }
            for key in group.chipAuthenticationPublicKeys {
                _ = try? crypto.publicKey(subjectPublicKeyInfo: key.publicKey.encoded).bits
            }
        case 0x6F:
            _ = try? DataGroup15(encoded: data)
            if let spki = try? ActiveAuthentication.subjectPublicKeyInfo(dg15: data) {
                _ = try? crypto.publicKey(subjectPublicKeyInfo: spki).bits
            }
        case 0x60:
            _ = try? EFCOM(encoded: data)
        default:
            _ = try? SecurityInfos(berEncoded: data)
        }
    }
}
