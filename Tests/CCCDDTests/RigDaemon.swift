import BHXHSimulator
import CCCDTestSupport
import Foundation
import Ledger

/// The production daemon wired to the real PC/SC test rig: pcscd with the vpcd driver (started by
/// ``PCSCRig``, which holds the machine-wide rig lock), the sample cards made by
/// `scripts/make-vcard-keys.sh` with the test brainpool CSCA in the daemon's trust store, a pty
/// as its serial scanner and the BHXH simulator as its gateway.
struct RigDaemon {
    let daemon: KioskDaemon
    let notifications: DatagramListener
    let client: KioskClient
    let folder: URL
    let pcsc: PCSCRig
    let material: VirtualCardMaterial
    let scanner: PseudoTerminal

    var socket: String { folder.appendingPathComponent("cccdd.sock").path }
    var ledgerPath: String { folder.appendingPathComponent("ledger.sqlite").path }

    static var available: Bool { PCSCRig.isAvailable && VirtualCardMaterial.toolsAvailable }

    static func run(_ body: (RigDaemon) async throws -> Void) async throws {
        try await withTemporaryDirectory { outside in
            let material = try await VirtualCardMaterial.make(in: outside.appendingPathComponent("cards"))
            let trust = outside.appendingPathComponent("trust")
            let csca = trust.appendingPathComponent("csca")
            try FileManager.default.createDirectory(at: csca, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: material.csca("brainpool"), to: csca.appendingPathComponent("csca-brainpool.pem"))
            let scanner = try PseudoTerminal()
            defer { scanner.close() }
            try await PCSCRig.withRig { pcsc in
                try await DaemonLifecycleTests.withDaemon(
                    scanners: KioskDaemon.serialScanner(at: scanner.slavePath), trustStore: trust
                ) { daemon, notifications, client, folder, _, _ in
                    let rig = RigDaemon(daemon: daemon, notifications: notifications, client: client, folder: folder, pcsc: pcsc,
                                        material: material, scanner: scanner)
                    _ = await notifications.receive(until: { $0.hasPrefix("READY=1") }, within: .seconds(20))
                    try await rig.waitForStatus("the first virtual reader") { $0.contains(PCSCRig.firstReaderName) }
                    try await rig.waitForStatus("the pty scanner connected") { $0.contains("\(scanner.slavePath)  connected") }
                    try await body(rig)
                }
            }
        }
    }

    var token: String {
        get throws { try String(contentsOf: folder.appendingPathComponent("token"), encoding: .utf8) }
    }

    /// `cccdctl status --socket …` as an admin would run it.
    func status() async throws -> String {
        let outcome = try await runProcess(BuiltProducts.executable("cccdctl"), ["status", "--socket", socket])
        guard outcome.status == 0 else { throw ChildProcessError(description: "cccdctl status: \(outcome.stderrText)") }
        return outcome.stdoutText
    }

    /// Polls `cccdctl status` until `condition` holds on its text.
    func waitForStatus(_ what: String, within limit: Duration = .seconds(30), _ condition: (String) -> Bool) async throws {
        let deadline = ContinuousClock.now + limit
        var last = ""
        while ContinuousClock.now < deadline {
            last = try await status()
            if condition(last) { return }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw ChildProcessError(description: "cccdctl status never showed \(what):\n\(last)\n\(daemon.output)")
    }

    /// Starts `cccd-vcard` with sample card `name` (the card is on the reader until `body` returns)
    /// and stops it by its PID in every path.
    func withCard<T>(_ name: String, _ body: () async throws -> T) async throws -> T {
        let card = try SpawnedProcess(executable: BuiltProducts.executable("cccd-vcard").path,
                                      arguments: ["--profile", material.profile(name).path],
                                      logPath: folder.appendingPathComponent("cccd-vcard.log").path)
        do {
            let result = try await body()
            await card.stop()
            return result
        } catch {
            await card.stop()
            throw error
        }
    }

    /// Scans `payload` on the pty, as a CDC-ACM scanner sends it (CR-terminated).
    func scan(_ payload: String) throws {
        try scanner.write(Array((payload + "\r").utf8))
    }
}
