public import SwiftASN1

/// AlgorithmIdentifier (RFC 5280 §4.1.1.2): an OID and its optional parameters, kept as encoded.
///
/// Parameters are kept raw because their meaning depends on the algorithm (NULL for SHA-2 in
/// some encoders and absent in others; a whole curve for explicit EC keys), and a signature
/// check must see them exactly as signed.
public struct AlgorithmIdentifier: BERImplicitlyTaggable, Sendable, Hashable {
    public static var defaultIdentifier: ASN1Identifier { .sequence }

    public var algorithm: ASN1ObjectIdentifier
    /// The parameters' full encoding (tag, length, value), nil when absent.
    public var parameters: [UInt8]?

    public init(algorithm: ASN1ObjectIdentifier, parameters: [UInt8]? = nil) {
        self.algorithm = algorithm
        self.parameters = parameters
    }

    public init(berEncoded node: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        let children = try ASN1Parsing.children(of: node, identifier)
        guard let first = children.first, children.count <= 2 else {
            throw ASN1Error.invalidASN1Object(reason: "AlgorithmIdentifier with \(children.count) elements")
        }
        algorithm = try ASN1ObjectIdentifier(berEncoded: first)
        parameters = children.count == 2 ? Array(children[1].encodedBytes) : nil
    }

    public init(derEncoded node: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        try self.init(berEncoded: node, withIdentifier: identifier)
    }

    public func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.appendConstructedNode(identifier: identifier) { coder in
            try coder.serialize(algorithm)
            if let parameters { coder.serializeRawBytes(parameters) }
        }
    }

    /// The NULL parameters (`05 00`) many encoders write for RSA and SHA-2 identifiers.
    public static let nullParameters: [UInt8] = [0x05, 0x00]
}
