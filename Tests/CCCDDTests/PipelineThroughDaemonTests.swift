import CCCDTestSupport
import Foundation
import Ledger
import Testing

/// The production daemon (not the demo) fed by a scanner on a pseudo-terminal, the way a CDC-ACM
/// scanner feeds it, with the BHXH simulator as its gateway.
@Suite("cccdd: a scanner on a pty, the gateway down then back, the re-check queue drains")
struct PipelineThroughDaemonTests {
    @Test("a QR scanned during an outage is recorded as transient, re-checked once the gateway is back, and linked")
    func outageThenRecovery() async throws {
        let terminal = try PseudoTerminal()
        defer { terminal.close() }
        let extra = """

            [recheck]
            interval-seconds = 1
            first-delay-seconds = 1
            """
        let scanners = KioskDaemon.serialScanner(at: terminal.slavePath)
        try await DaemonLifecycleTests.withDaemon(extraConfig: extra, scanners: scanners) { daemon, listener, _, folder, _, simulator in
            _ = await listener.receive(until: { $0.hasPrefix("READY=1") }, within: .seconds(20))
            await simulator.setOutage(true)
            try terminal.write(Array((SamplePayload.hetHan + "\r").utf8))
            let ledgerPath = folder.appendingPathComponent("ledger.sqlite").path
            let first = try await Self.waitForRecords(1, in: ledgerPath)
            #expect(first.first?.source == "cccdQr")
            #expect(first.first?.resultClass == "transient" || first.first?.resultClass == "skipped")
            // The admin finds the outage in the journal (a warning, priority 4).
            #expect(daemon.output.contains("<4>cccdd.gateway: gateway down") || daemon.output.contains("<4>cccdd.gateway: gateway degraded"),
                    "\(daemon.output)")
            await simulator.setOutage(false)
            let both = try await Self.waitForRecords(2, in: ledgerPath)
            let recheck = try #require(both.last)
            #expect(recheck.recheckOf == first.first?.sequence)
            #expect(recheck.resultClass == "notEligible")
            #expect(recheck.resultCode == "010")
            #expect(!daemon.output.contains("Phạm Văn Hết Hạn"))
            #expect(!daemon.output.contains("001085000789"))
        }
    }

    /// Reads the daemon's ledger read-only (as an auditor would) until it holds `count` records.
    static func waitForRecords(_ count: Int, in path: String, within limit: Duration = .seconds(30)) async throws -> [LedgerRecord] {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            if FileManager.default.fileExists(atPath: path),
               let records = try? Ledger(readOnlyAt: path, publicKey: nil).records(), records.count >= count {
                return records
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw ChildProcessError(description: "the ledger did not reach \(count) records")
    }
}
