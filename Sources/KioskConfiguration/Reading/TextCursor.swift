/// A position in TOML text that knows its line and column, for the key index's small scanner.
///
/// Everything here only moves forward, so every loop over a cursor ends.
struct TextCursor {
    private let scalars: [Unicode.Scalar]
    private(set) var offset = 0
    private(set) var line = 1
    private var lineStart = 0

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    var atEnd: Bool { offset >= scalars.count }
    var current: Unicode.Scalar? { offset < scalars.count ? scalars[offset] : nil }
    var column: Int { offset - lineStart + 1 }
    var position: KeyLineIndex.Position { .init(line: line, column: column) }

    func peek(_ distance: Int) -> Unicode.Scalar? {
        offset + distance < scalars.count ? scalars[offset + distance] : nil
    }

    mutating func advance() {
        guard offset < scalars.count else { return }
        if scalars[offset] == "\n" {
            line += 1
            lineStart = offset + 1
        }
        offset += 1
    }

    /// Skips spaces and tabs, plus newlines and comments when `acrossLines` (inside arrays).
    mutating func skipBlank(acrossLines: Bool) {
        while let scalar = current {
            if scalar == " " || scalar == "\t" || scalar == "\r" {
                advance()
            } else if scalar == "#" {
                skipRestOfLine(keepingNewline: true)
            } else if scalar == "\n" && acrossLines {
                advance()
            } else {
                return
            }
        }
    }

    /// Moves to the newline (kept, so statement scanning sees it) or past it.
    mutating func skipRestOfLine(keepingNewline: Bool = false) {
        while let scalar = current, scalar != "\n" { advance() }
        if !keepingNewline { advance() }
    }

    /// Consumes a basic or literal string, single- or multi-line, and returns its raw contents.
    mutating func readString() -> String {
        guard let quote = current else { return "" }
        let multiline = peek(1) == quote && peek(2) == quote
        for _ in 0..<(multiline ? 3 : 1) { advance() }
        var contents = String.UnicodeScalarView()
        while let scalar = current {
            if quote == "\"" && scalar == "\\" {
                advance()
                if let escaped = current { contents.append(escaped) }
                advance()
                continue
            }
            if !multiline && scalar == "\n" { return String(contents) }
            if scalar == quote && (!multiline || (peek(1) == quote && peek(2) == quote)) {
                // A multi-line string may end with up to two quotes of content before its delimiter.
                var closing = multiline ? 3 : 1
                while multiline, closing < 5, peek(closing) == quote { closing += 1 }
                for _ in 0..<closing { advance() }
                return String(contents)
            }
            contents.append(scalar)
            advance()
        }
        return String(contents)
    }

    /// A key of one or more bare or quoted segments separated by dots; nil when none starts here.
    mutating func readKey() -> [String]? {
        var segments: [String] = []
        while true {
            skipBlank(acrossLines: false)
            guard let scalar = current else { break }
            if scalar == "\"" || scalar == "'" {
                segments.append(readString())
            } else if Self.isBareKeyScalar(scalar) {
                var bare = String.UnicodeScalarView()
                while let next = current, Self.isBareKeyScalar(next) {
                    bare.append(next)
                    advance()
                }
                segments.append(String(bare))
            } else {
                break
            }
            skipBlank(acrossLines: false)
            guard current == "." else { break }
            advance()
        }
        return segments.isEmpty ? nil : segments
    }

    static func isBareKeyScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "A"..."Z", "a"..."z", "0"..."9", "_", "-": true
        default: false
        }
    }
}
