import CCCDIdentity
import Foundation

/// The file's bytes turned into text a TOML parser may safely see.
enum ConfigurationText {
    /// A configuration is a few kilobytes; anything this large is the wrong file.
    static let maximumSize = 1 << 20

    static func read(path: String) throws(ConfigurationProblem) -> String {
        let data: Data
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            data = try handle.read(upToCount: maximumSize + 1) ?? Data()
        } catch {
            throw ConfigurationProblem(.unreadable, key: "", message: .init(
                vi: "Không đọc được tệp cấu hình", en: "The configuration file cannot be read"), diagnostic: path)
        }
        guard data.count <= maximumSize else { throw tooLarge }
        guard let text = String(validating: data, as: UTF8.self) else {
            let line = firstInvalidLine(data)
            throw ConfigurationProblem(.syntax, key: "", line: line, message: .init(
                vi: "Tệp không phải văn bản UTF-8", en: "The file is not UTF-8 text"))
        }
        return text
    }

    static var tooLarge: ConfigurationProblem {
        ConfigurationProblem(.tooLarge, key: "", message: .init(
            vi: "Tệp cấu hình quá lớn (tối đa 1 MiB)", en: "The configuration file is too large (at most 1 MiB)"))
    }

    /// Problems TOMLKit must not see. Its C interface stops at a NUL byte, silently dropping the
    /// rest. And toml++ 3 (inside TOMLKit 0.6) *assumes* a table header starts with a key: `[=]`
    /// aborts a debug build and is undefined behaviour in release (found by the fuzz test).
    static func problems(in text: String) -> [ConfigurationProblem] {
        if text.utf8.count > maximumSize { return [tooLarge] }
        var line = 1
        for byte in text.utf8 {
            if byte == 0 {
                return [ConfigurationProblem(.syntax, key: "", line: line, message: .init(
                    vi: "Tệp chứa byte NUL", en: "The file contains a NUL byte"))]
            }
            if byte == UInt8(ascii: "\n") { line += 1 }
        }
        if let header = firstHeaderWithoutKey(text) {
            return [ConfigurationProblem(.syntax, key: "", line: header, message: .init(
                vi: "Tiêu đề bảng phải bắt đầu bằng tên khóa, như [gateway.bhxh]",
                en: "A table header must start with a key, as in [gateway.bhxh]"))]
        }
        return []
    }

    /// The first line that opens a header (`[` or `[[` after leading blanks) not followed by a
    /// bare-key character or a quote. Deliberately stricter than TOML: it also flags a line of a
    /// multi-line nested array that starts with `[` and no value, which the schema never needs.
    static func firstHeaderWithoutKey(_ text: String) -> Int? {
        let leading: Set<Unicode.Scalar> = [" ", "\t", "\r", "\u{0B}", "\u{0C}", "\u{FEFF}"]
        for (index, line) in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line.drop { leading.contains($0) }
            guard rest.first == "[" else { continue }
            rest = rest.dropFirst()
            if rest.first == "[" { rest = rest.dropFirst() }
            rest = rest.drop { $0 == " " || $0 == "\t" }
            guard let first = rest.first, TextCursor.isBareKeyScalar(first) || first == "\"" || first == "'" else {
                return index + 1
            }
        }
        return nil
    }

    /// The line of the first byte sequence that is not UTF-8.
    private static func firstInvalidLine(_ data: Data) -> Int {
        var line = 1
        var lineStart = data.startIndex
        for index in data.indices where data[index] == UInt8(ascii: "\n") {
            if String(validating: data[lineStart..<index], as: UTF8.self) == nil { return line }
            line += 1
            lineStart = index + 1
        }
        return line
    }
}
