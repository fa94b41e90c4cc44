import Foundation
import FuzzTargets
import KioskConfiguration
import Testing

/// What each crash `make fuzz` found now gets instead: a specific, located problem.
@Suite("crashes found by fuzzing, fixed")
struct FixedCrashTests {
    /// toml++ 3 asserts that an hour follows a date-time's `T` once its look-ahead has seen a
    /// colon (`parse_time`: abort in debug builds, undefined behaviour in release). The key index
    /// now refuses such a value before TOMLKit sees the text.
    @Test("a date-time with no time after its T is a syntax problem on its line, never a toml++ abort",
          arguments: ["date-time-without-time", "date-time-lowercase-t-colon"])
    func dateTimeWithoutTime(name: String) throws {
        let bytes = try FuzzCorpus.input(.crashes, .tomlConfiguration, name)
        let text = try #require(String(validating: bytes, as: UTF8.self))
        let expectedLine = try #require(text.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains(/\d{4}-\d{2}-\d{2}[Tt][^0-9]/) }) + 1
        #expect {
            _ = try DaemonConfiguration.parse(text, purpose: .demo)
        } throws: { error in
            guard let problems = (error as? ConfigurationProblems)?.problems, problems.count == 1 else { return false }
            return problems[0].kind == .syntax && problems[0].line == expectedLine
                && problems[0].message.en.contains("no time after its T")
        }
    }

    @Test("valid date-times, and the same characters inside strings and comments, still load")
    func validDateTimesStillLoad() throws {
        let text = """
            [site]
            kiosk = "k-1979-05-27T"  # 1979-05-27T: in a comment
            """
        #expect(throws: Never.self) { try DaemonConfiguration.parse(text, purpose: .demo) }
        for value in ["1979-05-27T07:32:00Z", "1979-05-27 07:32:00", "1979-05-27t07:32:00+07:00", "1979-05-27"] {
            let problems = Self.problems("[site]\nkiosk = \(value)\n")
            #expect(problems.allSatisfy { !$0.message.en.contains("no time after its T") }, "\(value)")
            #expect(problems.contains { $0.key == "site.kiosk" }, "\(value) should reach the schema check of site.kiosk")
        }
    }

    private static func problems(_ text: String) -> [ConfigurationProblem] {
        do {
            _ = try DaemonConfiguration.parse(text, purpose: .demo)
            return []
        } catch {
            return error.problems
        }
    }
}
