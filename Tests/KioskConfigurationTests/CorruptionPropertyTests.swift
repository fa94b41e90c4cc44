import KioskConfiguration
import Testing

/// Every single-key type corruption of the (filled-in) shipped file must be reported at that
/// key's line — exhaustively over every key the file sets and every wrong type.
@Suite("Single-key corruptions of the shipped file")
struct CorruptionPropertyTests {
    /// A key line of the shipped file: its dotted key, 0-based line index, and value text.
    struct KeyLine {
        let key: String
        let lineIndex: Int
        let name: String
        let value: String
    }

    /// An oracle independent of the daemon's scanner: the shipped file uses only `[a.b]` headers
    /// and `name = value` lines.
    static func keyLines(_ text: String) -> [KeyLine] {
        var section = ""
        var found: [KeyLine] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("[") {
                section = String(line.dropFirst().prefix { $0 != "]" })
            } else if !line.hasPrefix("#"), let equals = line.firstIndex(of: "=") {
                let name = line[..<equals].trimmingCharacters(in: .whitespaces)
                let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
                found.append(KeyLine(key: section + "." + name, lineIndex: index, name: name, value: value))
            }
        }
        return found
    }

    /// Values of each TOML type; a corruption uses every one whose type differs from the original.
    static let replacements = ["\"text\"", "12345", "true", "[1, 2]", "[\"a\"]", "{ x = 1 }", "1.5", "1979-05-27"]

    static func sameType(_ original: String, _ replacement: String) -> Bool {
        let kind = { (value: String) -> Character in
            if value.hasPrefix("\"") { return "s" }
            if value == "true" || value == "false" { return "b" }
            if value.hasPrefix("[") { return "a" }
            if value.hasPrefix("{") { return "t" }
            if value.contains("-") { return "d" }
            return value.contains(".") ? "f" : "i"
        }
        // An empty array stands for an array of anything: only non-arrays corrupt it.
        return kind(original) == kind(replacement) || (original == "[]" && replacement.hasPrefix("["))
    }

    @Test("The shipped file sets every section's keys (the oracle sees them all)")
    func oracleCoversFile() {
        let keys = Self.keyLines(Fixtures.productionText).map(\.key)
        #expect(keys.count >= 40)
        #expect(keys.contains("gateway.bhxh.request-timeout-seconds") && keys.contains("log.level"))
    }

    @Test("Each wrong-typed value is reported as wrongType for its key, on its line only")
    func everyCorruption() {
        let lines = Fixtures.productionText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var checked = 0
        for keyLine in Self.keyLines(Fixtures.productionText) {
            for replacement in Self.replacements where !Self.sameType(keyLine.value, replacement) {
                var corrupted = lines
                corrupted[keyLine.lineIndex] = "\(keyLine.name) = \(replacement)"
                let problems = Fixtures.problems(corrupted.joined(separator: "\n"), purpose: .production)
                let context = "\(keyLine.key) = \(replacement): \(problems.map(\.description))"
                #expect(problems.contains { $0.code == "config.wrongType" && $0.key == keyLine.key }, "\(context)")
                #expect(!problems.isEmpty && problems.allSatisfy { $0.line == keyLine.lineIndex + 1 }, "\(context)")
                checked += 1
            }
        }
        #expect(checked > 200)
    }
}
