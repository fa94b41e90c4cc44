import CCCDIdentity
import Foundation
import KioskConfiguration
import Testing

/// The shipped file and helpers to locate keys in test texts.
enum Fixtures {
    static let shippedPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Config/cccdd.toml").path

    static var shippedText: String {
        (try? String(contentsOfFile: shippedPath, encoding: .utf8)) ?? ""
    }

    /// The shipped file with its four REQUIRED keys filled in, for an invented facility and staff member.
    static var productionText: String {
        shippedText
            .replacingOccurrences(of: "facility = \"00000\"", with: "facility = \"01001\"")
            .replacingOccurrences(of: "username = \"\"", with: "username = \"01001_BV\"")
            .replacingOccurrences(of: "staff-name = \"\"", with: "staff-name = \"Nguyễn Thị Thử\"")
            .replacingOccurrences(of: "staff-id = \"\"", with: "staff-id = \"001099000123\"")
    }

    /// 1-based line of the first line whose text (without indentation) starts with `prefix`.
    static func line(of prefix: String, in text: String) -> Int? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.firstIndex { $0.drop { $0 == " " }.hasPrefix(prefix) }.map { $0 + 1 }
    }

    /// The problems `text` has, or none when it parses.
    static func problems(_ text: String, purpose: DaemonConfiguration.Purpose = .demo) -> [ConfigurationProblem] {
        do throws(ConfigurationProblems) {
            _ = try DaemonConfiguration.parse(text, purpose: purpose)
            return []
        } catch {
            expectBilingual(error.problems)
            return error.problems
        }
    }

    /// The single problem of `text`, recorded as an issue when there is not exactly one.
    static func onlyProblem(_ text: String, purpose: DaemonConfiguration.Purpose = .demo,
                            sourceLocation: SourceLocation = #_sourceLocation) -> ConfigurationProblem? {
        let found = problems(text, purpose: purpose)
        #expect(found.count == 1, "expected one problem, got \(found.map(\.description))", sourceLocation: sourceLocation)
        return found.count == 1 ? found[0] : nil
    }

    static func expectBilingual(_ problems: [ConfigurationProblem]) {
        for problem in problems {
            #expect(problem.code.hasPrefix("config."))
            #expect(!problem.message.vi.isEmpty && !problem.message.en.isEmpty && problem.message.vi != problem.message.en,
                    "\(problem.code) needs both languages")
        }
    }
}
