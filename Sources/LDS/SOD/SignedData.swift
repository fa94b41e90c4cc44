public import SwiftASN1

/// SignedData (RFC 5652 §5.1) as ICAO uses it in EF.SOD (Doc 9303-10 §4.6.2).
///
/// ```
/// SEQUENCE { version, digestAlgorithms SET OF AlgorithmIdentifier, encapContentInfo,
///            certificates [0] IMPLICIT SET OF Certificate OPTIONAL, crls [1] IMPLICIT … OPTIONAL,
///            signerInfos SET OF SignerInfo }
/// ```
/// Certificates are kept as raw DER for OpenSSL (swift-certificates cannot read the explicit
/// curve parameters of document-signer keys).
public struct SignedData: BERParseable, Sendable, Hashable {
    public let version: Int
    public let digestAlgorithms: [AlgorithmIdentifier]
    public let encapsulatedContent: EncapsulatedContentInfo
    /// Each certificate's full encoding, in file order (normally one: the document signer).
    public let certificates: [[UInt8]]
    /// Each CRL's full encoding (unusual in EF.SOD).
    public let crls: [[UInt8]]
    public let signerInfos: [SignerInfo]

    static let certificatesTag = ASN1Identifier(tagWithNumber: 0, tagClass: .contextSpecific)
    static let crlsTag = ASN1Identifier(tagWithNumber: 1, tagClass: .contextSpecific)

    public init(berEncoded node: ASN1Node) throws {
        var children = try ASN1Parsing.children(of: node, .sequence)[...]
        func next() throws -> ASN1Node {
            guard let node = children.popFirst() else { throw ASN1Error.invalidASN1Object(reason: "SignedData is truncated") }
            return node
        }
        version = try Int(berEncoded: next())
        digestAlgorithms = try ASN1Parsing.children(of: next(), .set).map { try AlgorithmIdentifier(berEncoded: $0) }
        encapsulatedContent = try EncapsulatedContentInfo(berEncoded: next())
        certificates = try children.first?.identifier == Self.certificatesTag
            ? ASN1Parsing.children(of: next()).map { Array($0.encodedBytes) } : []
        crls = try children.first?.identifier == Self.crlsTag
            ? ASN1Parsing.children(of: next()).map { Array($0.encodedBytes) } : []
        signerInfos = try ASN1Parsing.children(of: next(), .set).map { try SignerInfo(berEncoded: $0) }
        guard children.isEmpty else { throw ASN1Error.invalidASN1Object(reason: "SignedData has trailing elements") }
    }

    public init(derEncoded node: ASN1Node) throws {
        try self.init(berEncoded: node)
    }
}
