import CCCDIdentity

/// Reads one TOML table against the schema: every accessor takes the key's documented default,
/// reports a wrong type or range at the key's line and falls back to the default, so one pass
/// finds every problem. ``finish()`` then reports the keys no accessor asked for.
final class TableReader {
    let key: ConfigKey
    let log: ProblemLog
    /// False when the file has no such table and the reader stands in with defaults.
    let isPresent: Bool
    private let entries: [String: TOMLNode]
    private var expected: Set<String> = []

    init(key: ConfigKey, entries: [String: TOMLNode], log: ProblemLog, isPresent: Bool = true) {
        self.key = key
        self.entries = entries
        self.log = log
        self.isPresent = isPresent
    }

    /// The keys the file gives, for tables whose keys are names (`[gateway.his.fields]`).
    var givenNames: [String] { entries.keys.sorted() }

    func contains(_ name: String) -> Bool { entries[name] != nil }

    func report(_ kind: ConfigurationProblem.Kind, _ name: String? = nil, _ message: LocalizedText) {
        log.report(kind, at: name.map { key.appending($0) } ?? key, message)
    }

    /// The raw value, marking the key as part of the schema.
    func node(_ name: String) -> TOMLNode? {
        expected.insert(name)
        return entries[name]
    }

    func wrongType(_ name: String, expected type: LocalizedTypeName, at elementKey: ConfigKey? = nil) {
        log.report(.wrongType, at: elementKey ?? key.appending(name),
                   .init(vi: "Phải là \(type.vi)", en: "Must be \(type.en)"))
    }

    func string(_ name: String) -> String? {
        switch node(name) {
        case nil: return nil
        case .string(let value)?: return value
        case _?:
            wrongType(name, expected: .string)
            return nil
        }
    }

    func string(_ name: String, default value: String) -> String { string(name) ?? value }

    func integer(_ name: String, default value: Int, in range: ClosedRange<Int>) -> Int {
        switch node(name) {
        case nil: return value
        case .integer(let number)? where range.contains(number): return number
        case .integer?:
            report(.outOfRange, name, .init(vi: "Phải trong khoảng \(range.lowerBound)…\(range.upperBound)",
                                            en: "Must be between \(range.lowerBound) and \(range.upperBound)"))
            return value
        case _?:
            wrongType(name, expected: .integer)
            return value
        }
    }

    /// Whole seconds; the key's name ends in `-seconds`, so fractions are not offered.
    func seconds(_ name: String, default value: Duration, in range: ClosedRange<Int>) -> Duration {
        .seconds(integer(name, default: Int(value.components.seconds), in: range))
    }

    func boolean(_ name: String, default value: Bool) -> Bool {
        switch node(name) {
        case nil: return value
        case .boolean(let flag)?: return flag
        case _?:
            wrongType(name, expected: .boolean)
            return value
        }
    }

    /// One of a fixed set of words; anything else names the allowed ones.
    func choice<Choice: RawRepresentable & CaseIterable>(_ name: String, default value: Choice) -> Choice
    where Choice.RawValue == String {
        guard let word = string(name) else { return value }
        return choice(word, at: key.appending(name)) ?? value
    }

    func choice<Choice: RawRepresentable & CaseIterable>(_ word: String, at wordKey: ConfigKey) -> Choice?
    where Choice.RawValue == String {
        if let choice = Choice(rawValue: word) { return choice }
        let allowed = Choice.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        log.report(.invalidValue, at: wordKey, .init(vi: "Phải là một trong: \(allowed)", en: "Must be one of: \(allowed)"))
        return nil
    }

    /// Each element is type-checked on its own, so one bad element is reported at its own key.
    func strings(_ name: String, default value: [String]) -> [String] {
        elements(name, default: value, type: .stringArray) { node in
            if case .string(let text) = node { text } else { nil }
        }
    }

    func integers(_ name: String, default value: [Int]) -> [Int] {
        elements(name, default: value, type: .integerArray) { node in
            if case .integer(let number) = node { number } else { nil }
        }
    }

    private func elements<Element>(_ name: String, default value: [Element], type: LocalizedTypeName,
                                   _ convert: (TOMLNode) -> Element?) -> [Element] {
        switch node(name) {
        case nil: return value
        case .array(let nodes)?:
            var converted: [Element] = []
            for (index, element) in nodes.enumerated() {
                guard let item = convert(element) else {
                    wrongType(name, expected: type, at: key.appending(name).appending(index: index))
                    return value
                }
                converted.append(item)
            }
            return converted
        case _?:
            wrongType(name, expected: type)
            return value
        }
    }

    /// A sub-table; absent (or mistyped) ones read as empty so their defaults apply.
    func table(_ name: String) -> TableReader {
        let tableKey = key.appending(name)
        switch node(name) {
        case .table(let entries)?:
            return TableReader(key: tableKey, entries: entries, log: log)
        case nil:
            return TableReader(key: tableKey, entries: [:], log: log, isPresent: false)
        case _?:
            wrongType(name, expected: .table)
            return TableReader(key: tableKey, entries: [:], log: log, isPresent: false)
        }
    }

    /// `[[name]]` entries, each its own reader keyed `name[i]`.
    func tables(_ name: String) -> [TableReader] {
        let arrayKey = key.appending(name)
        switch node(name) {
        case nil: return []
        case .array(let nodes)?:
            return nodes.enumerated().compactMap { index, node in
                guard case .table(let entries) = node else {
                    wrongType(name, expected: .table, at: arrayKey.appending(index: index))
                    return nil
                }
                return TableReader(key: arrayKey.appending(index: index), entries: entries, log: log)
            }
        case _?:
            wrongType(name, expected: .array)
            return []
        }
    }

    /// Reports every key no accessor asked for; inline secrets get their own, more urgent problem.
    func finish() {
        for name in entries.keys where !expected.contains(name) {
            if SecretNames.looksSecret(name) {
                report(.secretInConfig, name, .init(
                    vi: "Không ghi bí mật vào tệp cấu hình: dùng systemd credential hoặc tệp riêng chỉ root đọc được",
                    en: "Secrets never go in the configuration file: use a systemd credential or a root-only file"))
            } else {
                report(.unknownKey, name, .init(vi: "Khóa không được hỗ trợ (gõ nhầm?)",
                                                en: "Unknown key (a typo?)"))
            }
        }
    }
}
