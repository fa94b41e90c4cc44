internal import TOMLKit

/// A parsed TOML value, copied out of TOMLKit's C++-backed classes into plain Swift values the
/// schema reader can walk and `switch` over.
enum TOMLNode {
    case table([String: TOMLNode])
    case array([TOMLNode])
    case string(String)
    case integer(Int)
    case float(Double)
    case boolean(Bool)
    /// Dates and times: the schema has none, so only their type matters.
    case dateTime

    /// Parses `text`; a syntax error carries TOMLKit's line and column. The caller has checked
    /// nesting depth with ``KeyLineIndex`` first, so the recursion here is shallow.
    static func parse(_ text: String) -> Result<[String: TOMLNode], ConfigurationProblem> {
        do {
            let table = try TOMLTable(string: text)
            return .success(entries(of: table))
        } catch let error as TOMLParseError {
            return .failure(ConfigurationProblem(
                .syntax, key: "", line: error.source.begin.line, column: error.source.begin.column,
                message: .init(vi: "Tệp không đúng cú pháp TOML tại đây", en: "The file is not valid TOML here"),
                diagnostic: error.description))
        } catch {
            return .failure(ConfigurationProblem(
                .syntax, key: "", message: .init(vi: "Tệp không đúng cú pháp TOML", en: "The file is not valid TOML")))
        }
    }

    private static func entries(of table: TOMLTable) -> [String: TOMLNode] {
        var entries: [String: TOMLNode] = [:]
        for (key, value) in table {
            entries[key] = node(value)
        }
        return entries
    }

    private static func node(_ value: any TOMLValueConvertible) -> TOMLNode {
        switch value.type {
        case .table: value.table.map { .table(entries(of: $0)) } ?? .table([:])
        case .array: .array(value.array.map { $0.map(node) } ?? [])
        case .string: .string(value.string ?? "")
        case .int: .integer(value.int ?? 0)
        case .double: .float(value.double ?? 0)
        case .bool: .boolean(value.bool ?? false)
        case .date, .time, .dateTime: .dateTime
        }
    }

    /// The TOML type's name as messages show it.
    var typeName: LocalizedTypeName {
        switch self {
        case .table: .table
        case .array: .array
        case .string: .string
        case .integer: .integer
        case .float: .float
        case .boolean: .boolean
        case .dateTime: .dateTime
        }
    }
}

/// TOML type names in both languages, for "must be … (is …)" messages.
enum LocalizedTypeName {
    case table, array, string, integer, float, boolean, dateTime, stringArray, integerArray

    var vi: String {
        switch self {
        case .table: "bảng"
        case .array: "danh sách"
        case .string: "chuỗi"
        case .integer: "số nguyên"
        case .float: "số thực"
        case .boolean: "true/false"
        case .dateTime: "ngày giờ"
        case .stringArray: "danh sách chuỗi"
        case .integerArray: "danh sách số nguyên"
        }
    }

    var en: String {
        switch self {
        case .table: "a table"
        case .array: "an array"
        case .string: "a string"
        case .integer: "an integer"
        case .float: "a floating-point number"
        case .boolean: "true or false"
        case .dateTime: "a date/time"
        case .stringArray: "an array of strings"
        case .integerArray: "an array of integers"
        }
    }
}
