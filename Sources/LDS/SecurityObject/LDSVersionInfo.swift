public import SwiftASN1

/// LDSVersionInfo (Doc 9303-10 §4.6.2.2), present from LDS 1.8 on:
/// `SEQUENCE { ldsVersion PrintableString, unicodeVersion PrintableString }` (`"0108"`, `"040000"`).
public struct LDSVersionInfo: BERImplicitlyTaggable, Sendable, Hashable {
    public static var defaultIdentifier: ASN1Identifier { .sequence }

    public let ldsVersion: String
    public let unicodeVersion: String

    public init(ldsVersion: String, unicodeVersion: String) {
        self.ldsVersion = ldsVersion
        self.unicodeVersion = unicodeVersion
    }

    public init(berEncoded node: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        (ldsVersion, unicodeVersion) = try BER.sequence(node, identifier: identifier) { nodes in
            (String(try ASN1PrintableString(berEncoded: &nodes)), String(try ASN1PrintableString(berEncoded: &nodes)))
        }
    }

    public init(derEncoded node: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        try self.init(berEncoded: node, withIdentifier: identifier)
    }

    public func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.appendConstructedNode(identifier: identifier) { coder in
            try coder.serialize(ASN1PrintableString(ldsVersion))
            try coder.serialize(ASN1PrintableString(unicodeVersion))
        }
    }
}
