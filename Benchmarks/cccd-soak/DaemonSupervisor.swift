import CCCDTestSupport
import Foundation
import Synchronization

/// `cccdd` as systemd runs it with `Restart=always`: one configuration file and one ledger across
/// incarnations, a new incarnation after every SIGKILL (the soak's) or unexpected exit (a crash,
/// which fails the run). Each incarnation logs to a file of its own, all scanned at the end.
final class DaemonSupervisor: Sendable {
    /// One look at the running daemon: resident memory and open descriptors.
    struct Sample: Sendable {
        var incarnation: Int
        var seconds: Double
        var rssKiB: Int
        var descriptors: Int
    }

    private struct State {
        var daemon: KioskDaemon?
        var port: Int?
        var incarnation = 0
        var samples: [Sample] = []
        var logs: [URL] = []
        var unexpectedExits: [String] = []
    }

    private let state = Mutex(State())
    private let config: String
    private let environment: [String: String]
    private let folder: URL
    private let started = ContinuousClock.now
    private let pluggedScanners: @Sendable () -> Int

    init(config: String, environment: [String: String], folder: URL, pluggedScanners: @escaping @Sendable () -> Int) {
        self.config = config
        self.environment = environment
        self.folder = folder
        self.pluggedScanners = pluggedScanners
    }

    var port: Int? { state.withLock { $0.port } }
    var incarnation: Int { state.withLock { $0.incarnation } }
    var samples: [Sample] { state.withLock { $0.samples } }
    var logs: [URL] { state.withLock { $0.logs } }
    var unexpectedExits: [String] { state.withLock { $0.unexpectedExits } }
    var output: String { state.withLock { $0.daemon?.output ?? "" } }

    /// Starts an incarnation and returns once it listens.
    func start() async throws {
        let daemon = try KioskDaemon.start(["--config", config, "--port", "0"], environment: environment, in: folder)
        Children.track(daemon.process.pid)
        state.withLock { state in
            state.daemon = daemon
            state.incarnation += 1
            state.logs.append(daemon.log)
        }
        guard let port = await daemon.listeningPort(within: .seconds(60)) else {
            throw SoakFailure("cccdd did not start listening: \(daemon.output.suffix(2000))")
        }
        try await awaitScanners(of: daemon)
        state.withLock { $0.port = port }
    }

    /// Until `cccdctl status` shows every plugged scanner connected: a scan sent before the daemon
    /// opened its scanner is lost, as a real one scanned during a restart is.
    private func awaitScanners(of daemon: KioskDaemon) async throws {
        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline {
            let outcome = try await runProcess(BuiltProducts.executable("cccdctl"),
                                               ["status", "--json", "--socket", folder.appendingPathComponent("cccdd.sock").path])
            let status = (try? JSONSerialization.jsonObject(with: outcome.stdout)) as? [String: Any]
            let connected = (status?["scanners"] as? [[String: Any]])?.filter { $0["connected"] as? Bool == true }.count ?? -1
            if connected >= pluggedScanners() { return }
            if daemon.process.reapIfExited() { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw SoakFailure("cccdd never showed its scanners connected: \(daemon.output.suffix(2000))")
    }

    /// SIGKILL, as an OOM kill or a watchdog abort would, then a new incarnation (systemd's restart).
    func killAndRestart() async throws {
        let daemon = state.withLock { state in
            state.port = nil
            return state.daemon.take()
        }
        if let daemon {
            daemon.process.signal(SIGKILL)
            _ = await daemon.process.waitForExit(within: .seconds(10))
            Children.untrack(daemon.process.pid)
        }
        try await start()
    }

    /// A daemon that exited by itself crashed (nothing here asks it to): noted, and restarted.
    func restartIfExited() async throws {
        guard let daemon = state.withLock({ $0.daemon }), daemon.process.reapIfExited() else { return }
        let status = daemon.process.exitStatus.map(String.init) ?? "?"
        let tail = daemon.output.split(separator: "\n").suffix(5).joined(separator: " | ")
        state.withLock { state in
            state.unexpectedExits.append("incarnation \(state.incarnation) exited with status \(status): \(tail)")
            state.daemon = nil
            state.port = nil
        }
        Children.untrack(daemon.process.pid)
        try await start()
    }

    /// Reads VmRSS and counts /proc/PID/fd of the running incarnation.
    func sample() {
        guard let running = state.withLock({ state in state.daemon.map { (pid: $0.process.pid, incarnation: state.incarnation) } }),
              let status = try? String(contentsOfFile: "/proc/\(running.pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let rss = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) }),
              let descriptors = try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(running.pid)/fd").count
        else { return }
        let seconds = (ContinuousClock.now - started).inSeconds
        state.withLock { $0.samples.append(Sample(incarnation: running.incarnation, seconds: seconds, rssKiB: rss, descriptors: descriptors)) }
    }

    /// SIGTERM as `systemctl stop` sends it; the exit status (nil if it had to be SIGKILLed).
    func stop() async -> Int32? {
        guard let daemon = state.withLock({ $0.daemon.take() }) else { return nil }
        daemon.process.signal(SIGTERM)
        let clean = await daemon.process.waitForExit(within: .seconds(10))
        if !clean { await daemon.stop() }
        Children.untrack(daemon.process.pid)
        return clean ? daemon.process.exitStatus : nil
    }
}

struct SoakFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension Duration {
    var inSeconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
