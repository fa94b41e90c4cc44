public import SwiftASN1

/// SubjectPublicKeyInfo (RFC 5280 §4.1.2.7): the public keys of DG15 (Active Authentication) and
/// DG14 (Chip Authentication).
///
/// The exact encoding is kept in ``encoded``: Active and Chip Authentication hand it to OpenSSL
/// (`d2i_PUBKEY`) as is, which also copes with explicit curve parameters.
public struct SubjectPublicKeyInfo: BERImplicitlyTaggable, Sendable, Hashable {
    public static var defaultIdentifier: ASN1Identifier { .sequence }

    public let algorithmIdentifier: AlgorithmIdentifier
    /// The key bits (BIT STRING content without the unused-bits count): an RSAPublicKey, an EC
    /// point `04 X Y`, or a DH public value INTEGER.
    public let publicKey: [UInt8]
    /// The whole SEQUENCE exactly as read or built.
    public let encoded: [UInt8]

    /// What kind of key this is.
    public var algorithm: PublicKeyAlgorithm { PublicKeyAlgorithm(algorithmIdentifier) }

    public init(berEncoded node: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        let children = try ASN1Parsing.children(of: node, identifier)
        guard children.count == 2 else {
            throw ASN1Error.invalidASN1Object(reason: "SubjectPublicKeyInfo with \(children.count) elements")
        }
        algorithmIdentifier = try AlgorithmIdentifier(berEncoded: children[0])
        let bits = try ASN1BitString(berEncoded: children[1])
        guard bits.paddingBits == 0 else { throw ASN1Error.invalidASN1Object(reason: "public key is not whole bytes") }
        publicKey = Array(bits.bytes)
        encoded = Array(node.encodedBytes)
    }

    public init(derEncoded node: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        try self.init(berEncoded: node, withIdentifier: identifier)
    }

    /// Written back exactly as read, so a rebuilt DG hashes like the original.
    public func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        coder.serializeRawBytes(encoded)
    }
}
