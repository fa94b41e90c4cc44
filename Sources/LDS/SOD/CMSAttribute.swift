public import SwiftASN1

/// Attribute (RFC 5652 §5.3): `SEQUENCE { attrType OID, attrValues SET OF ANY }`, values kept as encoded.
public struct CMSAttribute: BERImplicitlyTaggable, Sendable, Hashable {
    public static var defaultIdentifier: ASN1Identifier { .sequence }

    public let type: ASN1ObjectIdentifier
    /// Each value's full encoding.
    public let values: [[UInt8]]

    public init(type: ASN1ObjectIdentifier, values: [[UInt8]]) {
        self.type = type
        self.values = values
    }

    public init(berEncoded node: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        (type, values) = try BER.sequence(node, identifier: identifier) { nodes in
            let type = try ASN1ObjectIdentifier(berEncoded: &nodes)
            guard let set = nodes.next() else { throw ASN1Error.invalidASN1Object(reason: "attribute without values") }
            return (type, try ASN1Parsing.children(of: set, .set).map { Array($0.encodedBytes) })
        }
    }

    public init(derEncoded node: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        try self.init(berEncoded: node, withIdentifier: identifier)
    }

    public func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.appendConstructedNode(identifier: identifier) { coder in
            try coder.serialize(type)
            coder.appendConstructedNode(identifier: .set) { coder in
                for value in values { coder.serializeRawBytes(value) }
            }
        }
    }
}
