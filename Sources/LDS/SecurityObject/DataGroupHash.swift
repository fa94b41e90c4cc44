public import SwiftASN1

/// DataGroupHash (Doc 9303-10 §4.6.2.2): `SEQUENCE { dataGroupNumber INTEGER, dataGroupHashValue OCTET STRING }`.
public struct DataGroupHash: BERImplicitlyTaggable, Sendable, Hashable {
    public static var defaultIdentifier: ASN1Identifier { .sequence }

    /// As stored; ``dataGroup`` is nil when it is outside 1…16.
    public let number: Int
    public let hash: [UInt8]

    public var dataGroup: DataGroup? { DataGroup(number: number) }

    public init(dataGroup: DataGroup, hash: [UInt8]) {
        self.number = dataGroup.number
        self.hash = hash
    }

    public init(berEncoded node: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        (number, hash) = try BER.sequence(node, identifier: identifier) { nodes in
            (try Int(berEncoded: &nodes), Array(try ASN1OctetString(berEncoded: &nodes).bytes))
        }
    }

    public init(derEncoded node: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        try self.init(berEncoded: node, withIdentifier: identifier)
    }

    public func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.appendConstructedNode(identifier: identifier) { coder in
            try coder.serialize(number)
            try coder.serialize(ASN1OctetString(contentBytes: hash[...]))
        }
    }
}
