/// Where each key, table and array entry of a TOML text starts.
///
/// TOMLKit reports lines for syntax errors only; a value that parses but is wrong (a timeout of
/// 9000) still needs its line for `--check-config`. This scanner follows TOML's structure just
/// enough for that — headers, `[[arrays]]`, dotted and quoted keys, arrays and inline tables,
/// multi-line strings — and leaves judging the syntax to TOMLKit. It also refuses texts nested
/// deeper than the schema could ever use, before TOMLKit builds (and recursively frees) them.
struct KeyLineIndex {
    struct Position: Hashable {
        let line: Int
        let column: Int
    }

    /// Far beyond the schema's deepest key (`gateway.his.fields.x` is 4), far below any stack limit.
    static let maximumDepth = 16

    private(set) var positions: [ConfigKey: Position] = [:]
    /// Where the text first nests deeper than ``maximumDepth``; scanning stopped there.
    private(set) var tooDeep: Position?
    /// Where an array holds a `}` where a value belongs. toml++ *assumes* that cannot happen (an
    /// abort in debug builds, undefined behaviour in release), so such a text must not reach it.
    private(set) var braceInArray: Position?
    /// Where a value starts like a date-time (`YYYY-MM-DDT`) but no digit follows the `T`. toml++
    /// *assumes* an hour follows (`parse_time` asserts a digit: an abort in debug builds,
    /// undefined behaviour in release; found by `make fuzz`), so such a text must not reach it.
    private(set) var dateTimeWithoutTime: Position?

    private var cursor: TextCursor
    private var table = ConfigKey.root
    private var arrayCounts: [ConfigKey: Int] = [:]

    init(_ text: String) {
        cursor = TextCursor(text)
        while !cursor.atEnd && tooDeep == nil && braceInArray == nil && dateTimeWithoutTime == nil {
            scanStatement()
        }
    }

    /// The key's own position, else that of the closest enclosing table or entry that has one.
    func nearestPosition(of key: ConfigKey) -> Position? {
        var candidate: ConfigKey? = key
        while let current = candidate {
            if let position = positions[current] { return position }
            candidate = current.parent
        }
        return nil
    }

    private mutating func scanStatement() {
        cursor.skipBlank(acrossLines: true)
        guard let scalar = cursor.current else { return }
        let start = cursor.position
        if scalar == "[" {
            scanHeader(at: start)
        } else if let segments = cursor.readKey() {
            let key = record(segments, under: table, at: start)
            cursor.skipBlank(acrossLines: false)
            if cursor.current == "=" {
                cursor.advance()
                scanValue(of: key)
            }
        }
        cursor.skipRestOfLine()
    }

    private mutating func scanHeader(at start: Position) {
        cursor.advance()
        let isArray = cursor.current == "["
        if isArray { cursor.advance() }
        guard let segments = cursor.readKey(), checkDepth(segments.count, at: start) else { return }
        var key = ConfigKey.root
        for (offset, segment) in segments.enumerated() {
            key = key.appending(segment)
            if positions[key] == nil { positions[key] = start }
            if offset < segments.count - 1, let count = arrayCounts[key] {
                key = key.appending(index: count - 1)
            }
        }
        if isArray {
            let count = arrayCounts[key, default: 0]
            arrayCounts[key] = count + 1
            key = key.appending(index: count)
            positions[key] = start
        }
        table = key
    }

    /// Records a (possibly dotted) key and the tables its dots imply; returns its full path.
    private mutating func record(_ segments: [String], under base: ConfigKey, at start: Position) -> ConfigKey {
        guard checkDepth(base.components.count + segments.count, at: start) else { return base }
        var key = base
        for segment in segments {
            key = key.appending(segment)
            if positions[key] == nil { positions[key] = start }
        }
        return key
    }

    private mutating func checkDepth(_ depth: Int, at start: Position) -> Bool {
        guard depth > Self.maximumDepth else { return true }
        if tooDeep == nil { tooDeep = start }
        return false
    }

    private enum Container {
        case array(ConfigKey, index: Int)
        case inlineTable(ConfigKey)
    }

    /// Walks one value with an explicit stack (no recursion, whatever the input), recording the
    /// keys of inline tables and the positions of array elements.
    private mutating func scanValue(of key: ConfigKey) {
        var stack: [Container] = []
        var valueKey = key
        while tooDeep == nil {
            cursor.skipBlank(acrossLines: !stack.isEmpty)
            let start = cursor.position
            if !stack.isEmpty, positions[valueKey] == nil { positions[valueKey] = start }
            if case .array? = stack.last, cursor.current == "}" {
                braceInArray = start
                return
            }
            switch cursor.current {
            case "["?:
                cursor.advance()
                stack.append(.array(valueKey, index: 0))
                guard checkDepth(stack.count, at: start) else { return }
                valueKey = valueKey.appending(index: 0)
                cursor.skipBlank(acrossLines: true)
                if cursor.current == "]" { valueKey = valueKey.parent ?? key } else { continue }
            case "{"?:
                cursor.advance()
                stack.append(.inlineTable(valueKey))
                guard checkDepth(stack.count, at: start) else { return }
                cursor.skipBlank(acrossLines: false)
                if cursor.current != "}" {
                    guard let next = inlineKey(in: valueKey) else { return }
                    valueKey = next
                    continue
                }
            case "\""?, "'"?:
                _ = cursor.readString()
            case nil:
                return
            default:
                guard skipScalarValue() else {
                    dateTimeWithoutTime = start
                    return
                }
            }
            // A value (or an empty container) has ended: close containers and find the next value.
            while true {
                if stack.isEmpty { return }
                cursor.skipBlank(acrossLines: true)
                guard let closing = cursor.current else { return }
                switch (stack[stack.count - 1], closing) {
                case (.array, "]"), (.inlineTable, "}"):
                    cursor.advance()
                    let finished = stack.removeLast()
                    if case .array(let arrayKey, _) = finished { valueKey = arrayKey }
                    if case .inlineTable(let tableKey) = finished { valueKey = tableKey }
                    continue
                case (.array(let arrayKey, let index), ","):
                    cursor.advance()
                    cursor.skipBlank(acrossLines: true)
                    if cursor.current == "]" { continue }
                    stack[stack.count - 1] = .array(arrayKey, index: index + 1)
                    valueKey = arrayKey.appending(index: index + 1)
                case (.inlineTable(let tableKey), ","):
                    cursor.advance()
                    guard let next = inlineKey(in: tableKey) else { return }
                    valueKey = next
                default:
                    return
                }
                break
            }
        }
    }

    /// Reads `key =` inside an inline table; nil (stop scanning the value) when there is none.
    private mutating func inlineKey(in tableKey: ConfigKey) -> ConfigKey? {
        cursor.skipBlank(acrossLines: false)
        let start = cursor.position
        guard let segments = cursor.readKey() else { return nil }
        let key = record(segments, under: tableKey, at: start)
        cursor.skipBlank(acrossLines: false)
        guard cursor.current == "=", tooDeep == nil else { return nil }
        cursor.advance()
        return key
    }

    /// Numbers, booleans, dates: everything up to the next separator. False when the value is a
    /// date with a `T` and no digit after it (see ``dateTimeWithoutTime``).
    private mutating func skipScalarValue() -> Bool {
        var head: [Unicode.Scalar] = []
        while let scalar = cursor.current, !",]}#\n".unicodeScalars.contains(scalar) {
            if head.count < 12 { head.append(scalar) }
            cursor.advance()
        }
        return !Self.isDateTimeWithoutTime(head)
    }

    /// `DDDD-DD-DD`, then `T` or `t`, then anything but a digit or nothing: never valid TOML.
    static func isDateTimeWithoutTime(_ head: [Unicode.Scalar]) -> Bool {
        let isDigit = { (scalar: Unicode.Scalar) in ("0"..."9").contains(scalar) }
        guard head.count >= 11, head[10] == "T" || head[10] == "t",
              head.prefix(10).enumerated().allSatisfy({ $0 == 4 || $0 == 7 ? $1 == "-" : isDigit($1) })
        else { return false }
        return head.count == 11 || !isDigit(head[11])
    }
}
