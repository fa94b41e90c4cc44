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
                // One line, message then code, as every cccdctl failure.
                #expect(outcome.stderrText.hasPrefix("The lookup ledger cannot be opened"), "\(command)")
                #expect(outcome.stderrText.hasSuffix("[ledger.store.unavailable]\n"), "\(command): \(outcome.stderrText)")
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

    @Test("An auditor verifies a copy with only the exported public key; a wrong key fails; the copy is not written",
          .enabled(if: built, "cccdctl not built: swift build --build-tests first"))
    func auditorCopy() async throws {
        try await withTemporaryDirectory { folder in
            let db = folder.appendingPathComponent("l.sqlite").path
            #expect(try await run(["ledger", "import-sample", "--count", "2500", "--ledger", db]).status == 0)
            let keyFile = folder.appendingPathComponent("device.pub").path
            let exported = try await run(["ledger", "public-key", "--ledger", db, "--out", keyFile])
            #expect(exported.status == 0, "\(exported.stderrText)")
            let printed = try await run(["ledger", "public-key", "--ledger", db])
            #expect(printed.stdoutText == String(decoding: try Data(contentsOf: URL(fileURLWithPath: keyFile)), as: UTF8.self))
            #expect(printed.stdoutText.count == 65)

            // The auditor's folder: the copy and the public key, no device key.
            let audit = folder.appendingPathComponent("audit")
            try FileManager.default.createDirectory(at: audit, withIntermediateDirectories: true)
            let copy = audit.appendingPathComponent("copy.sqlite").path
            try FileManager.default.copyItem(atPath: db, toPath: copy)
            let before = try Data(contentsOf: URL(fileURLWithPath: copy))
            let verified = try await run(["ledger", "verify", "--ledger", copy, "--public-key", keyFile])
            #expect(verified.status == 0, "\(verified.stderrText)")
            #expect(verified.stdoutText.hasPrefix("intact: 2500 records verified"))
            let stats = try await run(["stats", "--ledger", copy, "--no-latency"])
            #expect(stats.status == 0, "\(stats.stderrText)")

            let wrongKey = audit.appendingPathComponent("other.pub").path
            try Data((DeviceKey().publicKeyHex + "\n").utf8).write(to: URL(fileURLWithPath: wrongKey))
            let refused = try await run(["ledger", "verify", "--ledger", copy, "--public-key", wrongKey])
            #expect(refused.status == 1)
            #expect(refused.stdoutText.hasPrefix("broken at sequence 1000: checkpointSignature"))
            let noKey = try await run(["ledger", "verify", "--ledger", copy])
            #expect(noKey.status == 2, "no key beside the copy and none given")

            #expect(try Data(contentsOf: URL(fileURLWithPath: copy)) == before)
            #expect(try FileManager.default.contentsOfDirectory(atPath: audit.path).sorted() == ["copy.sqlite", "other.pub"])
        }
    }
}
