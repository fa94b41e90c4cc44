import AsyncHTTPClient
import BHXHSimulator
import CCCDTestSupport
import Foundation
import Synchronization

/// Everything the run drives, and the run itself: presentations and faults side by side, the
/// daemon sampled every second, then recovery, the re-check drain and the audit.
struct SoakWorld {
    let settings: SoakSettings
    let folder: URL
    let material: VirtualCardMaterial
    let scenario: Scenario
    let simulator: BHXHSimulator
    let pcsc: PCSCRig
    let bank: ScannerBank
    let supervisor: DaemonSupervisor
    let feed: EventFeed

    var ledgerPath: String { folder.appendingPathComponent("ledger.sqlite").path }

    func drive(http: HTTPClient) async throws -> Bool {
        try await supervisor.start()
        let tokenFile = folder.appendingPathComponent("token")
        feed.start(http: http, port: { supervisor.port }) { try? String(contentsOf: tokenFile, encoding: .utf8) }
        let random = SoakRandom(seed: settings.seed)
        let started = ContinuousClock.now
        let sampler = Task { try await sample() }
        let presenter = Presenter(bank: bank, feed: feed, supervisor: supervisor, material: material, folder: folder, random: random)
        let injector = FaultInjector(simulator: simulator, pcsc: pcsc, bank: bank, supervisor: supervisor, random: random)
        async let tally = presenter.run(until: started + settings.duration)
        async let faults = injector.run(from: started, until: started + settings.duration * 0.85)
        let (presented, injected) = try await (tally, faults)
        let driven = ContinuousClock.now - started

        print("soak: \(presented.scans) scans presented; faults over, draining the re-check queue…")
        let drainStarted = ContinuousClock.now
        let pending = try await drain()
        let drained = ContinuousClock.now - drainStarted
        try await Task.sleep(for: .seconds(3))
        sampler.cancel()
        _ = try? await sampler.value
        feed.stop()
        let exitStatus = await supervisor.stop()

        let audit = try await LedgerAudit.read(ledger: ledgerPath, deviceKey: folder.appendingPathComponent("device.key").path)
        let requests = await simulator.requests()
        let gatewayTokens = requests.flatMap { [$0.queryValue("token"), $0.queryValue("id_token")] }.compactMap { $0 }
        // The MD5 the daemon sends as the gateway's password form, as the simulator received it.
        let digests = Set(requests.compactMap { $0.queryValue("password") }).flatMap { [$0.lowercased(), $0.uppercased()] }
        let secrets = [
            "a password": [KioskDaemon.bhxhPassword] + digests,
            "a key": ["test-site-key-0123456789"],
            "a kiosk session token": feed.tokens,
            "a gateway token": Array(Set(gatewayTokens)),
        ]
        let scan = LogScan(logs: supervisor.logs, scenario: scenario, secrets: secrets)
        let verdict = SoakVerdict(settings: settings, driven: driven, drained: drained, pendingAfterDrain: pending,
                                  presented: presented, injected: injected, feed: feed.all, reconnections: feed.reconnections,
                                  audit: audit, supervisor: supervisor, exitStatus: exitStatus, scan: scan)
        return try verdict.report()
    }

    /// Every second: restart a crashed daemon (systemd would), sample its memory and descriptors.
    private func sample() async throws {
        var seconds = 0
        while !Task.isCancelled {
            try await supervisor.restartIfExited()
            supervisor.sample()
            seconds += 1
            if seconds % 30 == 0, let last = supervisor.samples.last {
                print("soak: \(seconds) s, \(feed.count) events, incarnation \(last.incarnation), RSS \(last.rssKiB / 1024) MiB, \(last.descriptors) fds")
            }
            try await Task.sleep(for: .seconds(1))
        }
    }

    /// Waits until no re-check is pending or the limit passes; the count still pending.
    private func drain() async throws -> Int {
        let deadline = ContinuousClock.now + settings.drainLimit
        var pending = Int.max
        while ContinuousClock.now < deadline {
            try await supervisor.restartIfExited()
            let outcome = try await runProcess(URL(fileURLWithPath: which("sqlite3")?.path ?? "/usr/bin/sqlite3"),
                                               ["-readonly", ledgerPath, "SELECT COUNT(*) FROM recheck WHERE state = 'pending'"])
            pending = Int(outcome.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)) ?? pending
            if pending == 0 { return 0 }
            try await Task.sleep(for: .seconds(1))
        }
        return pending
    }
}
