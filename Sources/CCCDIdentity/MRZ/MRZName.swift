/// The name zone of an MRZ: primary identifier (surname) and secondary identifier (given names),
/// separated by `<<`, words by `<`.
public struct MRZName: Sendable, Hashable {
    /// Words of the surname, e.g. `["NGUYEN"]`.
    public let primary: [String]
    /// Words of the given names, e.g. `["THI", "MAU"]`.
    public let secondary: [String]

    public init(primary: [String], secondary: [String]) {
        self.primary = primary
        self.secondary = secondary
    }

    /// Reads an MRZ name field (`NGUYEN<<THI<MAU<<<<`).
    public init(field: some StringProtocol) {
        let text = String(field)
        let parts = text.split(separator: "<<", maxSplits: 1, omittingEmptySubsequences: false)
        func words(_ part: Substring?) -> [String] {
            guard let part else { return [] }
            return part.split(separator: "<").map(String.init)
        }
        primary = words(parts.first)
        secondary = words(parts.count > 1 ? parts[1] : nil)
    }

    /// A Vietnamese full name in MRZ form: the first word is the family name, the rest given
    /// names (`Nguyễn Thị Mẫu` → `NGUYEN` / `THI MAU`), transliterated to ASCII.
    public init(vietnameseFullName name: String) {
        let words = MRZTransliteration.words(name)
        primary = Array(words.prefix(1))
        secondary = Array(words.dropFirst())
    }

    /// The field text padded with `<` to `width`, cut when too long (ICAO truncation marks are
    /// not applied: Vietnamese names fit the 30 characters of TD1 in practice [?]).
    public func field(width: Int) -> String {
        var text = primary.joined(separator: "<")
        if !secondary.isEmpty { text += "<<" + secondary.joined(separator: "<") }
        if text.count > width { text = String(text.prefix(width)) }
        return text + String(repeating: "<", count: width - text.count)
    }

    /// All words joined by single spaces: the key for comparing a QR name with a chip name.
    public var comparisonKey: String { (primary + secondary).joined(separator: " ") }
}
