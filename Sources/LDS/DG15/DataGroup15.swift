import ChipProtocol
import SwiftASN1

/// DG15 (Doc 9303-10 §4.7.15): the Active Authentication public key, `6F L <SubjectPublicKeyInfo>`.
///
/// RSA keys verify ISO/IEC 9796-2 signatures; EC keys verify ECDSA, whose hash DG14's
/// ActiveAuthenticationInfo names. Trust the key only after Passive Authentication has verified
/// DG15's hash (cccd.md §3.4).
public struct DataGroup15: Sendable, Hashable {
    public let publicKey: SubjectPublicKeyInfo
    /// The file exactly as read.
    public let encoded: [UInt8]

    public init(encoded bytes: [UInt8]) throws(LDSError) {
        let value = try ASN1Parsing.fileValue(bytes, file: .dataGroup(.dg15), reason: .malformedDG15)
        publicKey = try ASN1Parsing.parse(.malformedDG15) { try SubjectPublicKeyInfo(berEncoded: value) }
        encoded = bytes
    }

    /// Builds DG15 around a DER SubjectPublicKeyInfo (e.g. `openssl pkey -pubout -outform DER`).
    public static func encode(publicKey: SubjectPublicKeyInfo) -> [UInt8] {
        TLV(tag: 0x6F, value: publicKey.encoded).encoded
    }
}
