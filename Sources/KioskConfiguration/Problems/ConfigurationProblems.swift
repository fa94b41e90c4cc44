public import CCCDIdentity

/// Everything wrong with one configuration file, in file order, so `cccdd --check-config` can
/// show the administrator all of it at once instead of one fix-and-retry round per mistake.
public struct ConfigurationProblems: Error, Sendable, Hashable, CustomStringConvertible {
    /// The name shown in front of each line (`cccdd.toml`), usually the file's last path component.
    public let fileName: String
    /// Never empty when thrown; sorted by line (problems without a line last), then column.
    public let problems: [ConfigurationProblem]

    public init(fileName: String, problems: [ConfigurationProblem]) {
        self.fileName = fileName
        self.problems = problems.sorted(by: Self.fileOrder)
    }

    /// One line per problem, e.g. `cccdd.toml:12: gateway.bhxh.request-timeout-seconds: …`.
    /// Diagnostics quote the file's text, so include them only for a person at a terminal.
    public func rendered(in language: Language = .en, includingDiagnostics: Bool = false) -> String {
        problems.map { $0.rendered(fileName: fileName, in: language, includingDiagnostic: includingDiagnostics) }
            .joined(separator: "\n")
    }

    /// Safe to log: English messages, no diagnostics.
    public var description: String { rendered() }

    private static func fileOrder(_ a: ConfigurationProblem, _ b: ConfigurationProblem) -> Bool {
        switch (a.line, b.line) {
        case let (left?, right?) where left != right: return left < right
        case (.some, nil): return true
        case (nil, .some): return false
        default: return (a.column ?? 0, a.key) < (b.column ?? 0, b.key)
        }
    }
}
