import CCCDTestSupport
import Foundation
import Ledger
import Testing

/// A CDC-ACM scanner unplugged and plugged back in while the daemon runs. The daemon's config
/// names the scanner by a stable link, as udev's `SYMLINK+=` rule provides: udev removes the link
/// with the device and makes it again, pointing at the new node, on replug. A pty stands in for
/// `/dev/ttyACM0`; its number changes across "replugs", as a real ACM number may.
@Suite("cccdd: a scanner unplugged and replugged")
struct ScannerReplugTests {
    @Test("STATUS and cccdctl show the scanner disconnected, then connected on the new device; a scan after the replug is recorded")
    func unplugAndReplug() async throws {
        try await withTemporaryDirectory { outside in
            let link = outside.appendingPathComponent("qr-scanner").path
            let first = try PseudoTerminal()
            defer { first.close() }
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: first.slavePath)
            // No reader takes part (a pcscd left by another test run must not make the QR wait for a card).
            let extra = "\n[readers]\ninclude = [\"no reader in this test\"]\n"
            try await DaemonLifecycleTests.withDaemon(extraConfig: extra, scanners: KioskDaemon.serialScanner(at: link)) {
                daemon, notifications, _, folder, _, _ in
                let socket = folder.appendingPathComponent("cccdd.sock").path
                #expect(await notifications.receive(until: { $0.contains("STATUS=") && $0.contains(", 1 scanner,") }, within: .seconds(20)) != nil,
                        "\(daemon.output)")

                // Unplugged: the node and its link go away.
                try FileManager.default.removeItem(atPath: link)
                first.close()
                #expect(await notifications.receive(until: { $0.contains("STATUS=") && $0.contains(", 0 scanners,") }, within: .seconds(20)) != nil,
                        "\(daemon.output)")
                #expect(try await Self.status(socket).contains("\(link)  disconnected"))

                // Plugged back in: a new node, the same stable name.
                let second = try PseudoTerminal()
                defer { second.close() }
                try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: second.slavePath)
                #expect(await notifications.receive(until: { $0.contains("STATUS=") && $0.contains(", 1 scanner,") }, within: .seconds(20)) != nil,
                        "\(daemon.output)")
                #expect(try await Self.status(socket).contains("\(link)  connected"))

                try second.write(Array((SamplePayload.mau + "\r").utf8))
                let records = try await PipelineThroughDaemonTests.waitForRecords(1, in: folder.appendingPathComponent("ledger.sqlite").path)
                #expect(records.count == 1)
                #expect(records.first?.source == "cccdQr")
                #expect(records.first?.resultClass == "eligible")
                #expect(daemon.output.contains("scanner disconnected"))
            }
        }
    }

    static func status(_ socket: String) async throws -> String {
        try await runProcess(BuiltProducts.executable("cccdctl"), ["status", "--socket", socket]).stdoutText
    }
}
