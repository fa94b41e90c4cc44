import SwiftASN1

/// One DG13 field element, `30 L { 02 01 n  <value…> }`, before interpretation.
struct DG13FieldElement {
    let number: Int
    /// The nodes after the number: none (absent value), one string, or nested SEQUENCEs.
    let values: [ASN1Node]
    let encoded: [UInt8]

    /// Nil when `node` is not a SEQUENCE starting with an INTEGER (so it may be a container).
    init?(parsing node: ASN1Node) throws {
        guard node.identifier == .sequence, case .constructed(let children) = node.content else { return nil }
        let nodes = Array(children)
        guard let first = nodes.first, first.identifier == .integer else { return nil }
        number = try Int(berEncoded: first)
        values = Array(nodes.dropFirst())
        encoded = Array(node.encodedBytes)
    }

    /// The value of a one-string field: nil when absent or empty; more than one string is refused
    /// rather than guessed at.
    func singleText() throws(LDSError) -> String? {
        let texts = try leaves()
        guard texts.count <= 1 else {
            throw LDSError(.invalidDG13Field, diagnostic: "field \(number) holds \(texts.count) strings")
        }
        return texts.first.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The names of fields 13 (father, mother) and 14 (spouse), one slot per person, nil for an
    /// empty slot. Both layouts seen on cards are read the same way:
    /// - one nested SEQUENCE holding one string per person: `30 { 0C father  0C mother }`;
    /// - one SEQUENCE (or bare string) per person: `30 { 0C father }  30 { 0C mother }`.
    /// A slot holding several strings contributes all of them, in order [?].
    func slots() throws(LDSError) -> [String?] {
        let holders: [ASN1Node]
        if values.count == 1, case .constructed(let children) = values[0].content {
            holders = Array(children)
        } else {
            holders = values
        }
        var slots: [String?] = []
        for holder in holders {
            let texts = try texts(in: holder)
            if texts.isEmpty {
                slots.append(nil)
            } else {
                slots += texts.map { $0.isEmpty ? nil : $0 }
            }
        }
        return slots
    }

    /// The field kept as read. Never throws on content: an unknown field may hold anything, and
    /// its non-text leaves stay available in ``DG13RawField/encoded``.
    func raw() -> DG13RawField {
        DG13RawField(number: number, texts: values.flatMap(DG13Text.textLeaves(of:)), encoded: encoded)
    }

    private func leaves() throws(LDSError) -> [String] {
        var texts: [String] = []
        for value in values { texts += try self.texts(in: value) }
        return texts
    }

    private func texts(in node: ASN1Node) throws(LDSError) -> [String] {
        do {
            return try DG13Text.leaves(of: node)
        } catch {
            throw LDSError(.invalidDG13Field, diagnostic: "field \(number) holds a value that is not text")
        }
    }
}
