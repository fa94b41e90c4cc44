public import CCCDIdentity

/// One thing wrong with the configuration, pinned to the key and line an administrator must fix.
///
/// Messages never quote values: the file sits next to secrets and holds the staff member's CCCD
/// number, so only ``diagnostic`` (operator's terminal only) may carry text from the file.
public struct ConfigurationProblem: UserFacingError, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Not TOML, not UTF-8, or nested beyond any key the schema has.
        case syntax
        /// A key the schema does not have: typos must not be silently ignored.
        case unknownKey
        /// The value has the wrong TOML type (a string where a number belongs…).
        case wrongType
        /// A number outside its documented range.
        case outOfRange
        /// A key or section the configuration needs is absent or blank.
        case missing
        /// A value of the right type that still cannot be used (bad URL, unknown name, duplicate…).
        case invalidValue
        /// A secret written inline: secrets come from systemd credentials or root-only files.
        case secretInConfig
        /// The file could not be read.
        case unreadable
        /// The file is larger than any sensible configuration.
        case tooLarge
        /// No credential and no readable file holds the secret.
        case secretUnavailable
        /// The secret's file can be read by other users, or belongs to someone else.
        case secretExposed
    }

    public let kind: Kind
    /// Dotted key (`gateway.bhxh.request-timeout-seconds`, `scanners.device[1].baud`); empty for the whole file.
    public let key: String
    /// 1-based line of the key (or of its section when the key is absent); nil when no line applies.
    public let line: Int?
    /// 1-based column of the key's first character, when known.
    public let column: Int?
    public let message: LocalizedText
    public let diagnostic: String?

    public init(_ kind: Kind, key: String, line: Int? = nil, column: Int? = nil, message: LocalizedText,
                diagnostic: String? = nil) {
        self.kind = kind
        self.key = key
        self.line = line
        self.column = column
        self.message = message
        self.diagnostic = diagnostic
    }

    public var code: String { "config.\(kind.rawValue)" }

    /// `cccdd.toml:12: gateway.bhxh.request-timeout-seconds: message` — the compiler-style line
    /// editors and `grep` understand. The diagnostic is appended only when asked for (a terminal).
    public func rendered(fileName: String, in language: Language = .en, includingDiagnostic: Bool = false) -> String {
        var text = fileName
        if let line { text += ":\(line)" }
        text += ": "
        if !key.isEmpty { text += key + ": " }
        text += message[language]
        if includingDiagnostic, let diagnostic { text += " (\(diagnostic))" }
        return text
    }
}
