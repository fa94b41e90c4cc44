import CCCDTestSupport
import Foundation
import Glibc
import Ledger
import Testing

@Suite("Crash safety: SIGKILL at random moments loses no reported record")
struct CrashTests {
    static let cccdctl = BuiltProducts.executable("cccdctl")

    @Test("Every sequence number the killed writer reported is present and the chain verifies",
          .enabled(if: FileManager.default.isExecutableFile(atPath: cccdctl.path), "cccdctl not built: swift build --build-tests first"))
    func killedWriter() async throws {
        try await withTemporaryDirectory { folder in
            let database = folder.appendingPathComponent("ledger.sqlite").path
            let key = folder.appendingPathComponent("device.key").path
            var generator = SeededGenerator(seed: 0xC4A5)
            var reportedTotal = 0
            for round in 0..<4 {
                let log = folder.appendingPathComponent("round\(round).log").path
                let child = try SpawnedProcess(
                    executable: Self.cccdctl.path,
                    arguments: ["ledger", "import-sample", "--ledger", database, "--device-key", key, "--count", "1000000",
                                "--seed", "\(round + 1)", "--print-committed"],
                    logPath: log)
                // Wait until it has committed something, then kill it at a random moment.
                var waited = 0
                while (try? String(contentsOfFile: log, encoding: .utf8))?.contains("\n") != true, waited < 2000 {
                    try await Task.sleep(for: .milliseconds(10))
                    waited += 1
                }
                try await Task.sleep(for: .milliseconds(Int.random(in: 20...400, using: &generator)))
                child.signal(SIGKILL)
                #expect(await child.waitForExit(within: .seconds(10)))
                let reported = (try String(contentsOfFile: log, encoding: .utf8)).split(separator: "\n").compactMap { Int64($0) }
                #expect(!reported.isEmpty)
                reportedTotal += reported.count
                let ledger = try Ledger(path: database, signer: DeviceKey(path: key, create: false))
                let last = try ledger.lastSequence()
                #expect(last >= (reported.last ?? 0))
                let present = Set(try ledger.records().map(\.sequence))
                #expect(reported.allSatisfy(present.contains))
                let verification = try ledger.verify()
                #expect(verification.isIntact, "\(verification)")
            }
            #expect(reportedTotal > 0)
        }
    }
}
