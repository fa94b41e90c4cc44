import BHXHSimulator
import CCCDTestSupport
import Foundation
import Testing

/// The page and the production daemon across a restart, as systemd does one: the launcher's session
/// token is read from `[http] token-file`, the daemon is stopped with SIGTERM and started again on
/// the same port, reuses the token (same boot), and the page — never reloaded — reconnects by itself
/// and shows the next presentation, a QR from a scanner on a pseudo-terminal.
@Suite(.serialized, .enabled(if: KioskBrowser.isAvailable, "Debian's chromium is not installed (make test-deps)"))
struct DaemonRestartPageTests {
    @Test func thePageReconnectsByItselfAndShowsThePresentationMadeAfterTheRestart() async throws {
        try await withTemporaryDirectory { folder in
            let terminal = try PseudoTerminal()
            defer { terminal.close() }
            let simulator = try await BHXHSimulator.start(scenario: try Scenario.load(from: KioskDaemon.demoScenario))
            let (config, environment) = try KioskDaemon.writeConfiguration(
                in: folder, gateway: simulator.baseURL, scanners: KioskDaemon.serialScanner(at: terminal.slavePath))
            var daemons: [KioskDaemon] = []
            do {
                daemons.append(try KioskDaemon.start(["--config", config, "--port", "0"], environment: environment, in: folder))
                try await Self.run(daemons: &daemons, config: config, environment: environment, folder: folder, terminal: terminal)
            } catch {
                for daemon in daemons { await daemon.stop() }
                await simulator.stop()
                throw error
            }
            for daemon in daemons { await daemon.stop() }
            await simulator.stop()
        }
    }

    private static func run(daemons: inout [KioskDaemon], config: String, environment: [String: String], folder: URL,
                            terminal: PseudoTerminal) async throws {
        let first = daemons[0]
        let port = try #require(await first.listeningPort(), "no listening line: \(first.output)")
        let tokenFile = folder.appendingPathComponent("token")
        let token = try String(contentsOf: tokenFile, encoding: .utf8)
        let stopNow = folder.appendingPathComponent("stop-now"), sawBadge = folder.appendingPathComponent("saw-badge")
        let restarted = folder.appendingPathComponent("restarted"), scanNow = folder.appendingPathComponent("scan-now")
        let shots = try KioskBrowser.screenshots("daemon-restart")
        async let browser = KioskBrowser.run(url: "http://127.0.0.1:\(port)/?token=\(token)", size: "1280x800", screenshots: shots, steps: [
            "wait-text:Xin mời xuất trình thẻ Căn cước", "wait-text:Máy quét: 1", "screenshot:before-restart",
            "signal-file:\(stopNow.path)",
            "wait-text:Mất kết nối — đang kết nối lại", "screenshot:connection-lost", "signal-file:\(sawBadge.path)",
            "await-file:\(restarted.path)",
            // Not reloaded: the same page, its cookie still accepted by the new process.
            "wait-gone:#connection", "wait-no-text:Mất kết nối", "wait-text:Máy quét: 1", "signal-file:\(scanNow.path)",
            "wait-text:Phạm Văn Hết Hạn", "wait-text:0010****0789", "wait-text:Nguồn Mã QR thẻ Căn cước",
            "wait-selector:body[data-eligibility=notEligible] #panel-bhyt.tone-bad", "wait-text:(mã 010)",
            "screenshot:after-restart",
        ], personalData: KioskBrowser.demoPeople)

        var failure: (any Error)?
        do {
            try await KioskBrowser.awaitSignal(stopNow)
            first.process.signal(SIGTERM)
            #expect(await first.process.waitForExit(within: .seconds(10)), "cccdd did not stop on SIGTERM")
            #expect(first.process.exitStatus == 0, "\(first.output)")
            try await KioskBrowser.awaitSignal(sawBadge)
            let second = try KioskDaemon.start(["--config", config, "--port", String(port)], environment: environment, in: folder)
            daemons.append(second)
            #expect(await second.listeningPort() == port, "\(second.output)")
            #expect(try String(contentsOf: tokenFile, encoding: .utf8) == token, "the token of this boot was replaced")
            try Data().write(to: restarted)
            try await KioskBrowser.awaitSignal(scanNow)
            try terminal.write(Array((SamplePayload.hetHan + "\r").utf8))
        } catch {
            failure = error
            for file in [restarted, scanNow] { try? Data().write(to: file) }   // let the harness finish
        }
        _ = try await browser
        if let failure { throw failure }
        for daemon in daemons { #expect(!daemon.output.contains("Phạm Văn Hết Hạn"), "the daemon logged personal data") }
    }
}
