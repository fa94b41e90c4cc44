import SwiftASN1

/// ContentInfo (RFC 5652 §3): `SEQUENCE { contentType OID, content [0] EXPLICIT ANY }`, the outer
/// layer of every CMS structure. EF.SOD's content type must be id-signedData.
struct ContentInfo: BERParseable {
    let contentType: ASN1ObjectIdentifier
    /// The node inside the `[0]` tag, parsed according to ``contentType`` by the caller.
    let content: ASN1Node

    init(berEncoded node: ASN1Node) throws {
        (contentType, content) = try BER.sequence(node, identifier: .sequence) { nodes in
            let type = try ASN1ObjectIdentifier(berEncoded: &nodes)
            let content = try BER.explicitlyTagged(&nodes, tagNumber: 0, tagClass: .contextSpecific) { $0 }
            return (type, content)
        }
    }

    init(derEncoded node: ASN1Node) throws {
        try self.init(berEncoded: node)
    }
}
