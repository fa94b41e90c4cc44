public import SwiftASN1

/// SignerInfo (RFC 5652 §5.3): the document signer's signature.
///
/// ```
/// SEQUENCE { version, sid SignerIdentifier, digestAlgorithm, signedAttrs [0] IMPLICIT SET OF Attribute OPTIONAL,
///            signatureAlgorithm, signature OCTET STRING, unsignedAttrs [1] IMPLICIT … OPTIONAL }
/// ```
/// The signed attributes are kept exactly as encoded: the signature covers their DER encoding
/// with the universal SET tag (RFC 5652 §5.4), which ``signedAttributesForSignature`` gives.
public struct SignerInfo: BERParseable, Sendable, Hashable {
    public let version: Int
    public let signerIdentifier: SignerIdentifier
    public let digestAlgorithm: AlgorithmIdentifier
    public let signedAttributes: [CMSAttribute]
    /// `A0 L …` exactly as in the file; nil when the SignerInfo has no signed attributes.
    public let signedAttributesEncoded: [UInt8]?
    public let signatureAlgorithm: AlgorithmIdentifier
    public let signature: [UInt8]
    /// `A1 L …` exactly as in the file, when present.
    public let unsignedAttributesEncoded: [UInt8]?

    /// The bytes the signature is computed over: the signed attributes re-tagged from `[0]` (A0)
    /// to `SET` (31), everything else byte for byte as read.
    public var signedAttributesForSignature: [UInt8]? {
        signedAttributesEncoded.map { [0x31] + $0.dropFirst() }
    }

    /// The messageDigest attribute's value: the hash of the eContent octets.
    public var messageDigest: [UInt8]? {
        guard let value = attribute(ObjectIdentifiers.messageDigest)?.values.first,
              let node = try? BER.parse(value), let digest = try? ASN1OctetString(berEncoded: node)
        else { return nil }
        return Array(digest.bytes)
    }

    /// The contentType attribute's value (must be the LDS security object's OID).
    public var contentType: ASN1ObjectIdentifier? {
        guard let value = attribute(ObjectIdentifiers.contentType)?.values.first else { return nil }
        return try? ASN1ObjectIdentifier(berEncoded: value)
    }

    /// The first attribute of `type`, if any.
    public func attribute(_ type: ASN1ObjectIdentifier) -> CMSAttribute? {
        signedAttributes.first { $0.type == type }
    }

    static let signedAttributesTag = ASN1Identifier(tagWithNumber: 0, tagClass: .contextSpecific)
    static let unsignedAttributesTag = ASN1Identifier(tagWithNumber: 1, tagClass: .contextSpecific)

    public init(berEncoded node: ASN1Node) throws {
        var children = try ASN1Parsing.children(of: node, .sequence)[...]
        func next() throws -> ASN1Node {
            guard let node = children.popFirst() else { throw ASN1Error.invalidASN1Object(reason: "SignerInfo is truncated") }
            return node
        }
        version = try Int(berEncoded: next())
        signerIdentifier = try SignerIdentifier(berEncoded: next())
        digestAlgorithm = try AlgorithmIdentifier(berEncoded: next())
        if children.first?.identifier == Self.signedAttributesTag {
            let attributes = try next()
            signedAttributes = try ASN1Parsing.children(of: attributes).map { try CMSAttribute(berEncoded: $0) }
            signedAttributesEncoded = Array(attributes.encodedBytes)
        } else {
            signedAttributes = []
            signedAttributesEncoded = nil
        }
        signatureAlgorithm = try AlgorithmIdentifier(berEncoded: next())
        signature = Array(try ASN1OctetString(berEncoded: next()).bytes)
        unsignedAttributesEncoded = try children.first?.identifier == Self.unsignedAttributesTag ? Array(next().encodedBytes) : nil
        guard children.isEmpty else { throw ASN1Error.invalidASN1Object(reason: "SignerInfo has trailing elements") }
    }

    public init(derEncoded node: ASN1Node) throws {
        try self.init(berEncoded: node)
    }
}
