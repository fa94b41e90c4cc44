import ChipProtocol
import SwiftASN1

/// EF.SOD (Doc 9303-10 §4.6.2): `77 L ContentInfo { id-signedData, [0] SignedData }` whose
/// signed content is the ``LDSSecurityObject``.
///
/// This type parses; Passive Authentication (signature, certificate chain) verifies with OpenSSL
/// over ``encoded``'s CMS and the raw pieces kept here.
public struct EFSOD: Sendable, Hashable {
    public let signedData: SignedData
    public let securityObject: LDSSecurityObject
    /// The CMS ContentInfo without the `77` wrapper (what `openssl cms -inform DER` reads).
    public let contentInfo: [UInt8]
    /// The file exactly as read.
    public let encoded: [UInt8]

    public init(encoded bytes: [UInt8]) throws(LDSError) {
        let value = try ASN1Parsing.fileValue(bytes, file: .sod, reason: .malformedSOD)
        let signedData = try ASN1Parsing.parse(.malformedSOD) {
            let contentInfo = try ContentInfo(berEncoded: value)
            guard contentInfo.contentType == ObjectIdentifiers.signedData else {
                throw ASN1Error.invalidASN1Object(reason: "ContentInfo is not id-signedData")
            }
            return try SignedData(berEncoded: contentInfo.content)
        }
        let encapsulated = signedData.encapsulatedContent
        guard encapsulated.contentType == ObjectIdentifiers.ldsSecurityObject else {
            throw LDSError(.unexpectedSODContent, diagnostic: "\(encapsulated.contentType)")
        }
        guard let content = encapsulated.content else {
            throw LDSError(.malformedSOD, diagnostic: "no eContent (detached signature)")
        }
        self.securityObject = try ASN1Parsing.parse(.malformedSOD) { try LDSSecurityObject(berEncoded: content) }
        self.signedData = signedData
        self.contentInfo = value
        self.encoded = bytes
    }

    /// The signer of a SOD with exactly one SignerInfo (ICAO requires one); nil otherwise.
    public var signerInfo: SignerInfo? {
        signedData.signerInfos.count == 1 ? signedData.signerInfos.first : nil
    }

    /// Wraps a CMS ContentInfo (`openssl cms -sign … -outform DER`) as EF.SOD.
    public static func encode(contentInfo: [UInt8]) -> [UInt8] {
        TLV(tag: 0x77, value: contentInfo).encoded
    }
}
