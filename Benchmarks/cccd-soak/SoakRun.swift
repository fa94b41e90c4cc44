import AsyncHTTPClient
import BHXHSimulator
import CCCDTestSupport
import Foundation
import Logging
import Synchronization

/// Sets the world up (card material, trust store, `bhxh-sim` in process, pty scanners, pcscd +
/// vpcd, the daemon's configuration), drives the run, then tears everything down in every path.
enum SoakRun {
    static func execute(_ settings: SoakSettings) async -> Bool {
        guard PCSCRig.isAvailable, VirtualCardMaterial.toolsAvailable, which("sqlite3") != nil else {
            print("soak: CANNOT RUN: needs root, pcscd + vsmartcard-vpcd, openssl, ImageMagick and sqlite3 (`make test-deps`)")
            return false
        }
        do {
            return try await withTemporaryDirectory { folder in
                Children.scratch.withLock { $0 = folder }
                return try await run(settings, in: folder)
            }
        } catch {
            print("soak: FAILED to run: \(error)")
            return false
        }
    }

    private static func run(_ settings: SoakSettings, in folder: URL) async throws -> Bool {
        print("soak: \(settings.duration) of faults, \(settings.scanners) scanners, seed \(settings.seed); making the test cards…")
        let material = try await VirtualCardMaterial.make(in: folder.appendingPathComponent("cards"))
        let trust = folder.appendingPathComponent("trust/csca")
        try FileManager.default.createDirectory(at: trust, withIntermediateDirectories: true)
        for family in ["brainpool", "rsa"] {
            try FileManager.default.copyItem(at: material.csca(family), to: trust.appendingPathComponent("csca-\(family).pem"))
        }
        var scenario = try Scenario.load(from: KioskDaemon.demoScenario)
        // Thousands of checks in minutes: no per-minute throttle, a LAN-like 20–40 ms per check.
        scenario.requestsPerMinutePerAccount = nil
        scenario.latency = .init(milliseconds: 20, jitterMilliseconds: 20)
        var quiet = Logger(label: "bhxh-sim")
        quiet.logLevel = .error
        let simulator = try await BHXHSimulator.start(scenario: scenario, logger: quiet)
        let bank = try ScannerBank(count: settings.scanners, in: folder)
        let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(redirectConfiguration: .disallow))
        let feed = EventFeed()
        defer { bank.closeAll() }
        do {
            let passed = try await PCSCRig.withRig { pcsc in
                Children.rig.withLock { $0 = pcsc }
                defer { Children.rig.withLock { $0 = nil } }
                let (config, environment) = try SoakConfiguration.write(in: folder, gateway: simulator.baseURL,
                                                                        scanners: bank.configuration, trust: trust.deletingLastPathComponent())
                let supervisor = DaemonSupervisor(config: config, environment: environment, folder: folder,
                                                  pluggedScanners: { bank.pluggedCount })
                do {
                    let world = SoakWorld(settings: settings, folder: folder, material: material, scenario: scenario,
                                          simulator: simulator, pcsc: pcsc, bank: bank, supervisor: supervisor, feed: feed)
                    let passed = try await world.drive(http: http)
                    feed.stop()
                    _ = await supervisor.stop()
                    return passed
                } catch {
                    feed.stop()
                    _ = await supervisor.stop()
                    throw error
                }
            }
            try? await http.shutdown()
            await simulator.stop()
            return passed
        } catch {
            try? await http.shutdown()
            await simulator.stop()
            throw error
        }
    }
}

/// The daemon's configuration for the run: the test configuration every daemon test uses, with
/// the gateway's answer cache off (every presentation reaches the gateway and its faults), a short
/// breaker, join window and hold, and a fast re-check schedule so the queue drains within the run.
enum SoakConfiguration {
    static func write(in folder: URL, gateway: URL, scanners: String, trust: URL) throws -> (String, [String: String]) {
        let extra = """

            [session]
            join-window-seconds = 1
            hold-seconds = 1

            [recheck]
            interval-seconds = 1
            first-delay-seconds = 1
            max-delay-seconds = 4
            max-attempts = 1000
            """
        let (path, environment) = try KioskDaemon.writeConfiguration(in: folder, gateway: gateway, extra: extra, scanners: scanners,
                                                                      trustStore: trust)
        var text = try String(contentsOfFile: path, encoding: .utf8)
        let edits = [
            ("chain = [\"bhxh\", \"offline\"]\n", "chain = [\"bhxh\", \"offline\"]\ncache-window-seconds = 0\nopen-seconds = 3\n"),
            ("staff-id = \"001186000777\"\n", "staff-id = \"001186000777\"\nrequest-timeout-seconds = 3\n"),
        ]
        for (old, new) in edits {
            guard text.contains(old) else { throw SoakFailure("the test configuration no longer has \(old)") }
            text = text.replacingOccurrences(of: old, with: new)
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return (path, environment)
    }
}
