import CCCDIdentity
import Foundation
import SwiftASN1

/// The text inside DG13 values. The spec names PrintableString and UTF8String, but a chip is free
/// to use any ASN.1 string type, so every character string type is read; all but BMPString
/// (UTF-16) are read as UTF-8, which is a superset of the ASCII-only types.
enum DG13Text {
    private static let utf8Types: Set<ASN1Identifier> = [
        .utf8String, .printableString, .numericString, .ia5String, .visibleString, .teletexString, .generalString,
    ]

    /// The text of a primitive string node (NFC, trimmed); nil for nodes that are not text or
    /// hold invalid UTF-8/UTF-16.
    static func text(of node: ASN1Node) -> String? {
        guard case .primitive(let content) = node.content else { return nil }
        let decoded: String?
        if utf8Types.contains(node.identifier) {
            decoded = String(validating: content, as: UTF8.self)
        } else if node.identifier == .bmpString, content.count.isMultiple(of: 2) {
            let units = stride(from: content.startIndex, to: content.endIndex, by: 2).map {
                UInt16(content[$0]) << 8 | UInt16(content[$0 + 1])
            }
            decoded = String(validating: units, as: UTF16.self)
        } else {
            decoded = nil
        }
        return decoded.map { $0.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping }
    }

    /// Every text leaf below `node`, depth first. Throws when a leaf is a primitive that is not text.
    static func leaves(of node: ASN1Node) throws -> [String] {
        switch node.content {
        case .constructed(let children):
            return try children.flatMap { try leaves(of: $0) }
        case .primitive:
            guard let text = text(of: node) else { throw ASN1Error.invalidASN1Object(reason: "not a character string: \(node.identifier)") }
            return [text]
        }
    }

    /// Every text leaf below `node`, skipping anything that is not text.
    static func textLeaves(of node: ASN1Node) -> [String] {
        switch node.content {
        case .constructed(let children): children.flatMap(textLeaves(of:))
        case .primitive: text(of: node).map { [$0] } ?? []
        }
    }

    /// `Nam` / `Nữ` in any letter case (`NAM` on some printed layouts [?]).
    static func sex(_ text: String) -> Sex? {
        switch text.lowercased() {
        case "nam": .male
        case "nữ": .female
        default: nil
        }
    }

    /// A year alone, or `dd/mm/yyyy` with day, or day and month, zero: a date known only in part.
    static func isPartialDate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        let isDigit = { (byte: UInt8) in (0x30...0x39).contains(byte) }
        if bytes.count == 4 { return bytes.allSatisfy(isDigit) }
        guard bytes.count == 10, bytes[2] == UInt8(ascii: "/"), bytes[5] == UInt8(ascii: "/"),
              (bytes[0..<2] + bytes[3..<5] + bytes[6..<10]).allSatisfy(isDigit)
        else { return false }
        let dayUnknown = bytes[0..<2].elementsEqual("00".utf8), monthUnknown = bytes[3..<5].elementsEqual("00".utf8)
        return dayUnknown && (monthUnknown || CivilDate(slashedDMY: "01" + text.dropFirst(2)) != nil)
    }

    /// `dd/mm/yyyy` as the spec says, or `ddmmyyyy` as the QR writes dates.
    static func date(_ text: String) -> CivilDate? {
        CivilDate(slashedDMY: text) ?? CivilDate(compactDMY: text)
    }
}
