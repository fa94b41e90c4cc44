import ChipProtocol
import SwiftASN1

/// The bridge between swift-asn1's errors and this module's typed errors, and the few node
/// helpers the LDS parsers share.
enum ASN1Parsing {
    /// Runs a parse step, turning anything that is not already an ``LDSError`` (swift-asn1's
    /// `ASN1Error`, the TLV layer's errors) into `reason`. The diagnostic keeps the underlying
    /// error's description, which names structure, never content.
    static func parse<T>(_ reason: LDSFailure, _ body: () throws -> T) throws(LDSError) -> T {
        do {
            return try body()
        } catch let error as LDSError {
            throw error
        } catch {
            throw LDSError(reason, diagnostic: "\(error)")
        }
    }

    /// The value of a file wrapped in its application tag (`61 L …`), which must fill `bytes`
    /// exactly: the reader read exactly the declared length, and a hash is over all of it.
    static func fileValue(_ bytes: [UInt8], file: LDSFile, reason: LDSFailure) throws(LDSError) -> [UInt8] {
        if let first = bytes.first, first != file.tag {
            throw LDSError(.unexpectedFileTag, diagnostic: "\(file)")
        }
        return try parse(reason) { try TLV(decoding: bytes, expectedTag: UInt32(file.tag)).value }
    }

    /// The children of a constructed node, or an error naming what was expected.
    static func children(of node: ASN1Node, _ expected: ASN1Identifier? = nil) throws -> [ASN1Node] {
        if let expected, node.identifier != expected {
            throw ASN1Error.unexpectedFieldType(node.identifier)
        }
        guard case .constructed(let nodes) = node.content else {
            throw ASN1Error.invalidASN1Object(reason: "expected a constructed \(node.identifier)")
        }
        return Array(nodes)
    }

    /// The content octets of a primitive node.
    static func primitiveContent(of node: ASN1Node) throws -> [UInt8] {
        guard case .primitive(let bytes) = node.content else {
            throw ASN1Error.invalidASN1Object(reason: "expected a primitive \(node.identifier)")
        }
        return Array(bytes)
    }
}

extension DER.Serializer {
    /// Serialises `body` and returns the bytes: builders produce whole files.
    static func bytes(_ body: (inout DER.Serializer) throws -> Void) throws(LDSError) -> [UInt8] {
        try ASN1Parsing.parse(.invalidBuilderInput) {
            var serializer = DER.Serializer()
            try body(&serializer)
            return serializer.serializedBytes
        }
    }
}
