import CCCDTestSupport
import Foundation

/// The daemon as systemd sees it: from `posix_spawn` to `READY=1` on a notify socket, and its
/// resident memory (VmRSS) idle a second after READY. Production mode (no demo) with the shipped
/// default configuration; pcscd is used when it answers. Anchor for both:
/// `bhxh-sim` (another Swift NIO server of this package) from spawn to its "listening" line, and
/// its idle VmRSS, in the same run.
struct DaemonProcessFigures {
    var startup: Comparison
    var rssKiB: (daemon: [Double], anchor: [Double])
}

func daemonProcessBenchmarks(repository: URL, scratch: URL, runs: Int = 7) async throws -> DaemonProcessFigures {
    let config = try writeBenchmarkConfiguration(repository: repository, in: scratch)
    var startup: [Double] = []
    var anchorStartup: [Double] = []
    var rss: [Double] = []
    var anchorRSS: [Double] = []
    let scenario = repository.appendingPathComponent("Samples/bhxh-sim/demo-scenario.json").path
    for run in 0..<(runs + 1) {
        let notify = try DatagramListener(path: scratch.appendingPathComponent("notify-\(run)").path)
        let start = ContinuousClock.now
        let daemon = try SpawnedProcess(
            executable: BuiltProducts.executable("cccdd").path, arguments: ["--config", config.path, "--port", "0"],
            logPath: scratch.appendingPathComponent("cccdd.log").path, environment: config.environment.merging(["NOTIFY_SOCKET": notify.path]) { $1 })
        let ready = await notify.receive(until: { $0.hasPrefix("READY=1") }, within: .seconds(30))
        let elapsed = ContinuousClock.now - start
        try await Task.sleep(for: .seconds(1))
        let resident = residentKiB(of: daemon.pid)
        await daemon.stop(grace: .seconds(5))
        guard ready != nil, let resident else {
            let log = (try? String(contentsOf: scratch.appendingPathComponent("cccdd.log"), encoding: .utf8)) ?? ""
            throw BenchmarkFailure(description: "cccdd never sent READY=1: \(log)")
        }

        let log = scratch.appendingPathComponent("bhxh-sim-\(run).log")
        let anchorStart = ContinuousClock.now
        let simulator = try SpawnedProcess(executable: BuiltProducts.executable("bhxh-sim").path,
                                           arguments: ["--scenario", scenario, "--listen", "127.0.0.1:0"], logPath: log.path)
        var listening = false
        while !listening, ContinuousClock.now - anchorStart < .seconds(30) {
            listening = ((try? String(contentsOf: log, encoding: .utf8)) ?? "").contains("listening")
            if !listening { try await Task.sleep(for: .milliseconds(1)) }
        }
        let anchorElapsed = ContinuousClock.now - anchorStart
        try await Task.sleep(for: .seconds(1))
        let anchorResident = residentKiB(of: simulator.pid)
        await simulator.stop()
        guard listening, let anchorResident else { throw BenchmarkFailure(description: "bhxh-sim never listened") }
        // The first run warms the page cache for both binaries.
        guard run > 0 else { continue }
        startup.append(elapsed.nanoseconds)
        anchorStartup.append(anchorElapsed.nanoseconds)
        rss.append(resident)
        anchorRSS.append(anchorResident)
    }
    return DaemonProcessFigures(
        startup: Comparison(figure: Measurement(name: "cccdd: spawn → READY=1", runs: startup),
                            anchor: Measurement(name: "bhxh-sim: spawn → listening", runs: anchorStartup), target: .below(1e9, "< 1 s")),
        rssKiB: (rss, anchorRSS))
}

/// VmRSS from /proc/PID/status, in KiB.
private func residentKiB(of pid: Int32) -> Double? {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return nil }
    return line.split(separator: " ").dropFirst().first.flatMap { Double($0) }
}

/// The shipped default configuration (Config/cccdd.toml, what `make install` puts in /etc/cccdd),
/// with its state and runtime paths moved into `folder`, the facility and BHXH account filled in
/// as an admin would (an idle daemon never calls the gateway) and the secrets as systemd credentials.
private func writeBenchmarkConfiguration(repository: URL, in folder: URL) throws -> (path: String, environment: [String: String]) {
    let credentials = folder.appendingPathComponent("credentials")
    try FileManager.default.createDirectory(at: credentials, withIntermediateDirectories: true)
    for (name, value) in [("site-key", "bench-site-key-0123456789"), ("bhxh-password", "bench-mat-khau")] {
        _ = FileManager.default.createFile(atPath: credentials.appendingPathComponent(name).path, contents: Data(value.utf8),
                                           attributes: [.posixPermissions: 0o600])
    }
    let shipped = try String(contentsOf: repository.appendingPathComponent("Config/cccdd.toml"), encoding: .utf8)
    let replacements = [
        ("\"/var/lib/cccdd/", "\"\(folder.path)/"), ("\"/run/cccdd/", "\"\(folder.path)/"),
        ("\"/etc/cccdd/trust\"", "\"\(folder.path)/trust\""), ("facility = \"00000\"", "facility = \"01001\""),
        ("username = \"\"", "username = \"01001_BV\""), ("staff-name = \"\"", "staff-name = \"Lê Thị Tiếp Đón\""),
        ("staff-id = \"\"", "staff-id = \"001186000777\""),
    ]
    var text = shipped
    for (shippedText, benchText) in replacements {
        guard text.contains(shippedText) else { throw BenchmarkFailure(description: "Config/cccdd.toml no longer has \(shippedText)") }
        text = text.replacingOccurrences(of: shippedText, with: benchText)
    }
    let path = folder.appendingPathComponent("cccdd.toml").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return (path, ["CREDENTIALS_DIRECTORY": credentials.path])
}

/// The daemon's rows: startup and the pipeline as comparisons, memory in MiB beside its anchor.
func daemonReportRows(_ process: DaemonProcessFigures, pipeline: [Comparison], suite: String) -> [BenchmarkRow] {
    let daemon = Measurement(name: "cccdd VmRSS idle after READY", runs: process.rssKiB.daemon.map { $0 / 1024 })
    let anchor = Measurement(name: "bhxh-sim VmRSS idle", runs: process.rssKiB.anchor.map { $0 / 1024 })
    let memory = BenchmarkRow(suite: suite, name: daemon.name, figure: daemon.median, unit: "MiB", runs: daemon.runs.count,
                              anchor: anchor.name, anchorFigure: anchor.median, target: .below(50e6 / 1_048_576, "< 50 MB"))
    return ([process.startup] + pipeline).map { $0.row(suite: suite) } + [memory]
}
