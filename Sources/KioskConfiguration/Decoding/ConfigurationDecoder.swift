/// Turns TOML text into a ``DaemonConfiguration`` and every problem found on the way.
///
/// Order matters for safety: size and NUL checks first, then the key index (which refuses
/// absurd nesting), and only then TOMLKit — so no input reaches the C++ parser that could
/// exhaust the stack. Schema problems are collected section by section, never stopping early.
enum ConfigurationDecoder {
    static func decode(_ text: String, purpose: DaemonConfiguration.Purpose)
        -> (DaemonConfiguration, [ConfigurationProblem]) {
        let defaults = DaemonConfiguration.defaults
        let textProblems = ConfigurationText.problems(in: text)
        guard textProblems.isEmpty else { return (defaults, textProblems) }
        let index = KeyLineIndex(text)
        if let deep = index.tooDeep {
            return (defaults, [ConfigurationProblem(.syntax, key: "", line: deep.line, column: deep.column, message: .init(
                vi: "Lồng bảng/khóa quá sâu (tối đa \(KeyLineIndex.maximumDepth) cấp)",
                en: "Tables or keys nested too deeply (at most \(KeyLineIndex.maximumDepth) levels)"))])
        }
        if let brace = index.braceInArray {
            return (defaults, [ConfigurationProblem(.syntax, key: "", line: brace.line, column: brace.column, message: .init(
                vi: "Danh sách có dấu } ở chỗ cần giá trị", en: "An array has a } where a value belongs"))])
        }
        if let dateTime = index.dateTimeWithoutTime {
            return (defaults, [ConfigurationProblem(.syntax, key: "", line: dateTime.line, column: dateTime.column, message: .init(
                vi: "Ngày giờ thiếu giờ sau chữ T (YYYY-MM-DDTHH:MM:SS)",
                en: "A date-time has no time after its T (YYYY-MM-DDTHH:MM:SS)"))])
        }
        let entries: [String: TOMLNode]
        switch TOMLNode.parse(text) {
        case .success(let parsed): entries = parsed
        case .failure(let problem): return (defaults, [problem])
        }
        let log = ProblemLog(index: index)
        let root = TableReader(key: .root, entries: entries, log: log)
        var configuration = DaemonConfiguration()
        configuration.site = .init(root.table("site"), purpose: purpose)
        configuration.scanners = .init(root.table("scanners"))
        configuration.readers = .init(root.table("readers"))
        configuration.chip = .init(root.table("chip"))
        configuration.verification = .init(root.table("verification"))
        configuration.gateway = .init(root.table("gateway"), purpose: purpose)
        configuration.ledger = .init(root.table("ledger"))
        configuration.recheck = .init(root.table("recheck"))
        configuration.session = .init(root.table("session"))
        configuration.http = .init(root.table("http"))
        configuration.log = .init(root.table("log"))
        root.finish()
        return (configuration, log.problems)
    }
}
