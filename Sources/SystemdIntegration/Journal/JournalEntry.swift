public import Logging

/// One log entry in the two shapes journald accepts.
///
/// Callers put no personal data or secrets into messages or metadata (the product's rule); this
/// type only formats. Metadata become `KIOSK_*` journal fields so an admin can filter with
/// `journalctl KIOSK_READER=…`, and stay visible as `key=value` on the stderr line.
public struct JournalEntry: Sendable {
    public var level: Logger.Level
    public var message: String
    public var metadata: [(key: String, value: String)]
    public var identifier: String
    public var logger: String
    public var codeFile: String
    public var codeLine: UInt
    public var codeFunction: String

    public init(level: Logger.Level, message: String, metadata: Logger.Metadata, identifier: String, logger: String,
                file: String, function: String, line: UInt) {
        self.level = level
        self.message = message
        self.metadata = metadata.sorted { $0.key < $1.key }.map { ($0.key, "\($0.value)") }
        self.identifier = identifier
        self.logger = logger
        self.codeFile = file
        self.codeLine = line
        self.codeFunction = function
    }

    /// `<6>logger: message key=value`, on one line: journald's stream reader applies the prefix
    /// to its line only, so embedded newlines are flattened.
    public var prefixedLine: String {
        var line = "<\(level.syslogPriority)>\(logger): \(Self.flattened(message))"
        for (key, value) in metadata { line += " \(key)=\(Self.flattened(value))" }
        return line + "\n"
    }

    /// The native protocol (systemd.journal-fields(7)): `FIELD=value` lines, and for a value with
    /// a newline the binary form `FIELD\n<64-bit little-endian length><value>\n`.
    public var nativeDatagram: [UInt8] {
        var fields: [(String, String)] = [
            ("MESSAGE", message), ("PRIORITY", String(level.syslogPriority)), ("SYSLOG_IDENTIFIER", identifier),
            ("LOGGER", logger), ("CODE_FILE", codeFile), ("CODE_LINE", String(codeLine)), ("CODE_FUNC", codeFunction),
        ]
        for (key, value) in metadata { fields.append(("KIOSK_" + Self.fieldName(key), value)) }
        var bytes: [UInt8] = []
        for (name, value) in fields {
            let utf8 = Array(value.utf8)
            bytes += Array(name.utf8)
            if utf8.contains(UInt8(ascii: "\n")) {
                bytes.append(UInt8(ascii: "\n"))
                withUnsafeBytes(of: UInt64(utf8.count).littleEndian) { bytes += $0 }
                bytes += utf8
            } else {
                bytes.append(UInt8(ascii: "="))
                bytes += utf8
            }
            bytes.append(UInt8(ascii: "\n"))
        }
        return bytes
    }

    /// Journal field names are upper-case letters, digits and underscores, not starting with `_`
    /// (those are trusted fields journald sets itself).
    static func fieldName(_ key: String) -> String {
        let mapped = key.uppercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" }
        let name = String(mapped).drop { $0 == "_" }
        return name.isEmpty ? "FIELD" : String(name.prefix(64))
    }

    private static func flattened(_ text: String) -> String {
        text.contains(where: \.isNewline) ? String(text.map { $0.isNewline ? " " : $0 }) : text
    }
}
