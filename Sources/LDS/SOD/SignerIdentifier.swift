import SwiftASN1

/// SignerIdentifier (RFC 5652 §5.3): how a SignerInfo names its document signer certificate.
public enum SignerIdentifier: Sendable, Hashable {
    /// The certificate's issuer Name (full DER encoding) and serial number (INTEGER content octets).
    case issuerAndSerialNumber(issuer: [UInt8], serialNumber: [UInt8])
    /// `[0] SubjectKeyIdentifier`: the certificate's key identifier.
    case subjectKeyIdentifier([UInt8])

    static let subjectKeyIdentifierTag = ASN1Identifier(tagWithNumber: 0, tagClass: .contextSpecific)

    init(berEncoded node: ASN1Node) throws {
        if node.identifier == .sequence {
            let children = try ASN1Parsing.children(of: node)
            guard children.count == 2, children[1].identifier == .integer else {
                throw ASN1Error.invalidASN1Object(reason: "IssuerAndSerialNumber is not { Name, INTEGER }")
            }
            self = .issuerAndSerialNumber(issuer: Array(children[0].encodedBytes),
                                          serialNumber: try ASN1Parsing.primitiveContent(of: children[1]))
        } else if node.identifier == Self.subjectKeyIdentifierTag {
            self = .subjectKeyIdentifier(Array(try ASN1OctetString(berEncoded: node, withIdentifier: Self.subjectKeyIdentifierTag).bytes))
        } else {
            throw ASN1Error.unexpectedFieldType(node.identifier)
        }
    }
}
