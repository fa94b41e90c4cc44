public import SwiftASN1

/// EncapsulatedContentInfo (RFC 5652 §5.2): `SEQUENCE { eContentType OID, eContent [0] EXPLICIT OCTET STRING OPTIONAL }`.
public struct EncapsulatedContentInfo: BERImplicitlyTaggable, Sendable, Hashable {
    public static var defaultIdentifier: ASN1Identifier { .sequence }

    public let contentType: ASN1ObjectIdentifier
    /// The octets of eContent — what the messageDigest attribute hashes. A BER constructed
    /// OCTET STRING is flattened. Nil for a detached signature (never the case in EF.SOD).
    public let content: [UInt8]?

    public init(berEncoded node: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        (contentType, content) = try BER.sequence(node, identifier: identifier) { nodes in
            let type = try ASN1ObjectIdentifier(berEncoded: &nodes)
            let content = try BER.optionalExplicitlyTagged(&nodes, tagNumber: 0, tagClass: .contextSpecific) { node in
                Array(try ASN1OctetString(berEncoded: node).bytes)
            }
            return (type, content)
        }
    }

    public init(derEncoded node: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        try self.init(berEncoded: node, withIdentifier: identifier)
    }

    public func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.appendConstructedNode(identifier: identifier) { coder in
            try coder.serialize(contentType)
            if let content {
                try coder.serialize(explicitlyTaggedWithTagNumber: 0, tagClass: .contextSpecific) { coder in
                    try coder.serialize(ASN1OctetString(contentBytes: content[...]))
                }
            }
        }
    }
}
