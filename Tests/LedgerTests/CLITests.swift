import CCCDTestSupport
import Foundation
import Ledger
import Testing

@Suite("cccdctl stats, stats check, export, ledger verify, ledger import-sample")
struct CLITests {
    static let cccdctl = BuiltProducts.executable("cccdctl")
    static var built: Bool { FileManager.default.isExecutableFile(atPath: cccdctl.path) }

    func run(_ arguments: [String]) async throws -> ProcessOutcome {
        try await runProcess(Self.cccdctl, arguments, timeout: .seconds(120))
    }

    @Test("Reading commands refuse a missing ledger instead of creating an empty one", .enabled(if: built, "cccdctl not built: swift build --build-tests first"))
    func missingLedger() async throws {
        try await withTemporaryDirectory { folder in
            let db = folder.appendingPathComponent("typo.sqlite").path
            for command in [["stats"], ["stats", "check", "--claim", "95%"], ["ledger", "verify"]] {
                let outcome = try await run(command + ["--ledger", db])
                #expect(outcome.status == 2, "\(command)")
                #expect(outcome.stderrText.contains("[ledger.store.unavailable]") || outcome.stderrText.contains("cannot be opened"), "\(command)")
            }
            #expect(!FileManager.default.fileExists(atPath: db))
        }
    }

    @Test("The commands agree with the library and with each other", .enabled(if: built, "cccdctl not built: swift build --build-tests first"))
    func endToEnd() async throws {
        try await withTemporaryDirectory { folder in
            let db = folder.appendingPathComponent("l.sqlite").path
            let common = ["--ledger", db]
            let imported = try await run(["ledger", "import-sample", "--count", "1500", "--seed", "5"] + common)
            #expect(imported.status == 0, "\(imported.stderrText)")

            let json = try await run(["stats", "--format", "json", "--by", "day"] + common)
            #expect(json.status == 0)
            let object = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
            let total = try #require(object["total"] as? [String: Any])
            let lookups = try #require(total["lookups"] as? Int)
            let successful = try #require(total["successfulLookups"] as? Int)
            let percent = Rate(numerator: Int64(successful), denominator: Int64(lookups)).percentText

            let supported = try await run(["stats", "check", "--claim", percent] + common)
            #expect(supported.status == 0)
            #expect(supported.stdoutText.hasPrefix("supported: claimed \(percent), recomputed \(percent) = \(successful) / \(lookups)"))
            let refused = try await run(["stats", "check", "--claim", "95%", "--claimed-denominator", "\(lookups)"] + common)
            #expect(refused.status == 1)
            #expect(refused.stdoutText.hasPrefix("not supported: claimed 95%"))
            #expect(refused.stdoutText.contains("claimed denominator \(lookups): matches"))
            let malformed = try await run(["stats", "check", "--claim", "ninety"] + common)
            #expect(malformed.status == 2)
            #expect(malformed.stderrText.contains("Invalid claimed rate"))

            let csv = folder.appendingPathComponent("r.csv").path
            #expect(try await run(["export", "--format", "csv", "--lang", "vi", "--out", csv] + common).status == 0)
            #expect(try Data(contentsOf: URL(fileURLWithPath: csv)).prefix(3) == Data([0xEF, 0xBB, 0xBF]))
            let verified = try await run(["ledger", "verify", "--checkpoint", csv] + common)
            #expect(verified.status == 0)
            #expect(verified.stdoutText.hasPrefix("intact: 1500 records verified"))

            guard try await Fixtures.sqlite3(URL(fileURLWithPath: db), "DROP TRIGGER presentation_append_only; UPDATE presentation SET kiosk = 'kiosk-9' WHERE sequence = 700;") != nil else { return }
            let broken = try await run(["ledger", "verify"] + common)
            #expect(broken.status == 1)
            #expect(broken.stdoutText.hasPrefix("broken at sequence 700: hashMismatch"))
        }
    }
}
