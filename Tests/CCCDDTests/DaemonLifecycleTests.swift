import AsyncHTTPClient
import BHXHSimulator
import CCCDTestSupport
import Foundation
import NIOCore
import Testing

/// `cccdd` under a fake systemd: a real AF_UNIX datagram socket as `$NOTIFY_SOCKET`, signals
/// sent the way systemd sends them, the BHXH simulator on loopback as its gateway.
@Suite("cccdd under systemd's notify protocol")
struct DaemonLifecycleTests {
    static func withDaemon(
        watchdog: Duration? = nil, extraConfig: String = "", scanners: String? = nil, trustStore: URL? = nil,
        _ body: (KioskDaemon, DatagramListener, KioskClient, URL, String, BHXHSimulator) async throws -> Void
    ) async throws {
        try await withTemporaryDirectory { folder in
            let scenario = try Scenario.load(from: BuiltProducts.repository.appendingPathComponent("Samples/bhxh-sim/demo-scenario.json"))
            let simulator = try await BHXHSimulator.start(scenario: scenario)
            let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(redirectConfiguration: .disallow))
            let (config, credentials) = try KioskDaemon.writeConfiguration(
                in: folder, gateway: simulator.baseURL, extra: extraConfig, scanners: scanners, trustStore: trustStore)
            let listener = try DatagramListener(path: folder.appendingPathComponent("notify").path)
            var environment = credentials.merging(["NOTIFY_SOCKET": listener.path]) { $1 }
            if let watchdog { environment["WATCHDOG_USEC"] = String(watchdog.components.seconds * 1_000_000 + watchdog.components.attoseconds / 1_000_000_000_000) }
            let daemon = try KioskDaemon.start(["--config", config, "--port", "0"], environment: environment, in: folder)
            do {
                let port = try #require(await daemon.listeningPort(), "no listening line: \(daemon.output)")
                try await body(daemon, listener, KioskClient(http: http, port: port), folder, config, simulator)
            } catch {
                await daemon.stop()
                try? await http.shutdown()
                await simulator.stop()
                throw error
            }
            await daemon.stop()
            try await http.shutdown()
            await simulator.stop()
        }
    }

    @Test("READY=1 with a human STATUS once listening; watchdog pings at half of WATCHDOG_USEC")
    func readyAndWatchdog() async throws {
        try await Self.withDaemon(watchdog: .seconds(1)) { daemon, listener, _, _, _, _ in
            let seen = try #require(await listener.receive(until: { $0.hasPrefix("READY=1") }, within: .seconds(20)), "\(daemon.output)")
            let ready = try #require(seen.last)
            #expect(ready.contains("STATUS="))
            #expect(ready.contains("gateway"))
            #expect(ready.contains("records"))
            var pings = 0
            let deadline = ContinuousClock.now + .seconds(3)
            while ContinuousClock.now < deadline, let datagram = await listener.receiveText(within: deadline - ContinuousClock.now) {
                if datagram == "WATCHDOG=1" { pings += 1 }
            }
            // Half of 1 s: about six in 3 s; at least three even on a loaded machine.
            #expect(pings >= 3, "watchdog pings in 3 s: \(pings)")
        }
    }

    @Test("SIGTERM with an SSE client connected: STOPPING=1, the stream ends, exit 0")
    func gracefulStopWithEventStream() async throws {
        try await Self.withDaemon { daemon, listener, client, folder, _, _ in
            _ = await listener.receive(until: { $0.hasPrefix("READY=1") }, within: .seconds(20))
            let token = try String(contentsOf: folder.appendingPathComponent("token"), encoding: .utf8)
            var request = HTTPClientRequest(url: "http://127.0.0.1:\(client.port)/api/v1/events")
            request.headers.add(name: "Authorization", value: "Bearer \(token)")
            let response = try await client.http.execute(request, timeout: .seconds(30))
            #expect(response.status.code == 200)
            #expect(response.headers["Content-Type"].first?.hasPrefix("text/event-stream") == true)
            let reading = Task {
                var text = ""
                for try await chunk in response.body { text += String(buffer: chunk) }
                return text
            }
            try await Task.sleep(for: .milliseconds(200))
            let stopping = ContinuousClock.now
            daemon.process.signal(SIGTERM)
            #expect(await listener.receive(until: { $0 == "STOPPING=1" }, within: .seconds(5)) != nil)
            #expect(await daemon.process.waitForExit(within: .seconds(10)), "\(daemon.output)")
            let elapsed = ContinuousClock.now - stopping
            #expect(daemon.process.exitStatus == 0, "\(daemon.output)")
            let streamed = try await reading.value
            #expect(streamed.hasPrefix("retry: 1000"))
            print("cccdd stopped \(elapsed) after SIGTERM with an SSE client connected (target: 2 s)")
        }
    }

    @Test("SIGHUP: a good file is applied (RELOADING=1, MONOTONIC_USEC, READY=1); a bad one is rejected with its line and the daemon keeps running")
    func reload() async throws {
        try await Self.withDaemon { daemon, listener, client, _, config, _ in
            _ = await listener.receive(until: { $0.hasPrefix("READY=1") }, within: .seconds(20))
            let good = try String(contentsOfFile: config, encoding: .utf8) + "\n[session]\nhold-seconds = 30\n"
            try good.write(toFile: config, atomically: true, encoding: .utf8)
            daemon.process.signal(SIGHUP)
            let applied = try #require(await listener.receive(until: { $0.hasPrefix("READY=1") }, within: .seconds(10)))
            let reloading = try #require(applied.first { $0.hasPrefix("RELOADING=1") })
            #expect(reloading.contains("\nMONOTONIC_USEC="))
            #expect(await daemon.line(startingWith: "<5>cccdd: configuration reloaded", within: .seconds(5)) != nil)

            try (good + "\n[chip]\nphotograph = true\n").write(toFile: config, atomically: true, encoding: .utf8)
            daemon.process.signal(SIGHUP)
            #expect(await listener.receive(until: { $0.hasPrefix("READY=1") }, within: .seconds(10)) != nil)
            #expect(await daemon.line(startingWith: "<3>cccdd: configuration rejected", within: .seconds(5)) != nil, "\(daemon.output)")
            #expect(daemon.output.contains("cccdd.toml:"), "the rejected line is named")
            #expect(!daemon.process.reapIfExited())
            #expect(try await client.send(.GET, "/healthz").status == 200)
        }
    }

    @Test("cccdctl status asks the running daemon over its 0660 Unix socket; without a daemon it exits 69")
    func statusOverUnixSocket() async throws {
        try await Self.withDaemon { _, listener, _, folder, _, _ in
            _ = await listener.receive(until: { $0.hasPrefix("READY=1") }, within: .seconds(20))
            let socket = folder.appendingPathComponent("cccdd.sock").path
            let mode = try FileManager.default.attributesOfItem(atPath: socket)[.posixPermissions] as? NSNumber
            #expect(mode?.intValue == 0o660)
            let outcome = try await runProcess(BuiltProducts.executable("cccdctl"), ["status", "--socket", socket])
            #expect(outcome.status == 0, "\(outcome.stderrText)")
            #expect(outcome.stdoutText.contains("Gateway: "))
            #expect(outcome.stdoutText.contains("Ledger: 0 records"))
            let json = try await runProcess(BuiltProducts.executable("cccdctl"), ["status", "--socket", socket, "--json"])
            #expect(json.stdoutText.contains("\"pcscAvailable\""))
            let missing = try await runProcess(BuiltProducts.executable("cccdctl"), ["status", "--socket", folder.appendingPathComponent("none.sock").path])
            #expect(missing.status == 69)
        }
    }
}
