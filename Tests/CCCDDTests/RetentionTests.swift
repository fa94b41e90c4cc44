import CCCDTestSupport
import Foundation
import Ledger
import Testing

/// `ledger.retention-days`: the daemon prunes raw records older than the window (at start and
/// with each checkpoint interval) without breaking the chain or the statistics.
@Suite("cccdd applies the ledger's retention policy")
struct RetentionTests {
    @Test("records older than retention-days are pruned at start; the chain still verifies and the counts stay in the rollups")
    func pruneAtStart() async throws {
        try await withTemporaryDirectory { folder in
            let ledger = folder.appendingPathComponent("ledger.sqlite").path
            let cccdctl = BuiltProducts.executable("cccdctl")
            // 100 synthetic presentations over ten days in 2024, signed with the key the daemon will use.
            let filled = try await runProcess(cccdctl, ["ledger", "import-sample", "--ledger", ledger, "--count", "100", "--per-day", "10"])
            #expect(filled.status == 0, "\(filled.stderrText)")
            try FileManager.default.copyItem(atPath: ledger + ".key", toPath: folder.appendingPathComponent("device.key").path)
            let before = try await runProcess(cccdctl, ["stats", "--ledger", ledger, "--format", "json"])

            let (config, environment) = try KioskDaemon.writeConfiguration(
                in: folder, gateway: URL(string: "http://127.0.0.1:9")!, extra: "\n[recheck]\ninterval-seconds = 30\n")
            var text = try String(contentsOfFile: config, encoding: .utf8)
            text = text.replacingOccurrences(of: "site-key-credential = \"site-key\"", with: "site-key-credential = \"site-key\"\nretention-days = 30")
            try text.write(toFile: config, atomically: true, encoding: .utf8)
            let daemon = try KioskDaemon.start(["--config", config, "--port", "0"], environment: environment, in: folder)
            let pruned = await daemon.line(startingWith: "<5>cccdd.ledger: ledger retention", within: .seconds(20))
            await daemon.stop()
            #expect(pruned?.contains("pruned=100") == true, "\(daemon.output)")
            #expect(try Ledger(readOnlyAt: ledger, publicKey: nil).records().isEmpty)
            let verified = try await runProcess(cccdctl, ["ledger", "verify", "--ledger", ledger])
            #expect(verified.status == 0, "\(verified.stdoutText) \(verified.stderrText)")
            let after = try await runProcess(cccdctl, ["stats", "--ledger", ledger, "--format", "json"])
            // Every count survives (rollups); latency percentiles are computed from raw records within
            // retention, so they are the one figure pruning takes away, by definition.
            #expect(try Self.counts(after.stdoutText) == Self.counts(before.stdoutText), "the statistics survive pruning")
        }
    }

    static func counts(_ json: String) throws -> NSDictionary {
        var object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        object["latency"] = nil
        return object as NSDictionary
    }
}
