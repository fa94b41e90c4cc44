public import Foundation

/// `cccdd` as a child process, the way systemd or a person starts it: its own environment
/// (NOTIFY_SOCKET, WATCHDOG_USEC, CREDENTIALS_DIRECTORY), stdout and stderr in a log file the tests
/// read and scan. Shared by the daemon's own tests and the kiosk page's browser tests, so both
/// start the daemon the same way.
public struct KioskDaemon: Sendable {
    public let process: SpawnedProcess
    public let log: URL

    /// Starts `cccdd arguments…`; its output goes to a new log file in `folder`.
    public static func start(_ arguments: [String], environment: [String: String] = [:], in folder: URL) throws -> KioskDaemon {
        let log = folder.appendingPathComponent("cccdd-\(UUID().uuidString.prefix(6)).log")
        let process = try SpawnedProcess(executable: BuiltProducts.executable("cccdd").path, arguments: arguments,
                                         logPath: log.path, environment: environment)
        return KioskDaemon(process: process, log: log)
    }

    public var output: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    /// The first output line starting with `prefix`, polling until `limit`; nil if the daemon exited first.
    public func line(startingWith prefix: String, within limit: Duration = .seconds(20)) async -> String? {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            if let line = output.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }) { return String(line) }
            if process.reapIfExited() { return nil }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return nil
    }

    /// The port from the daemon's `listening port=N` log line (a production daemon started with `--port 0`).
    public func listeningPort(within limit: Duration = .seconds(20)) async -> Int? {
        guard let line = await line(startingWith: "<5>cccdd: listening", within: limit) else { return nil }
        return line.split(separator: "=").last.flatMap { Int($0) }
    }

    /// SIGTERM, then SIGKILL after 5 s; returns once the daemon is reaped.
    public func stop() async {
        await process.stop(grace: .seconds(5))
    }
}

// MARK: - cccdd --demo

extension KioskDaemon {
    /// `cccdd --demo --port 0` as a user starts it (`make demo`): virtual-card material made by
    /// `scripts/make-vcard-keys.sh` in `folder`, the sample scenario; returns once it printed its
    /// one-time login URL (`Kiosk: http://127.0.0.1:PORT/?token=T`). `reader` is `--demo-reader`:
    /// in process by default, so that a pcscd left running on the machine does not change the test;
    /// `vpcd` only inside ``PCSCRig/withRig(_:)``.
    public static func startDemo(in folder: URL, reader: String = "in-process") async throws -> (daemon: KioskDaemon, loginURL: URL) {
        let material = try await VirtualCardMaterial.make(in: folder.appendingPathComponent("material"))
        let daemon = try start([
            "--demo", "--port", "0", "--demo-material", material.folder.path,
            "--demo-scenario", demoScenario.path, "--demo-reader", reader,
        ], in: folder)
        do {
            guard let line = await daemon.line(startingWith: "Kiosk: ", within: .seconds(30)) else {
                throw ChildProcessError(description: "cccdd --demo printed no Kiosk line: \(daemon.output)")
            }
            guard let url = URL(string: String(line.dropFirst("Kiosk: ".count))), url.host == "127.0.0.1", url.port != nil else {
                throw ChildProcessError(description: "not a loopback URL: \(line)")
            }
            return (daemon, url)
        } catch {
            await daemon.stop()
            throw error
        }
    }

    /// Runs `body` with a started demo and stops it afterwards, whether `body` returned or threw.
    public static func withDemo<T>(
        in folder: URL, reader: String = "in-process", _ body: (KioskDaemon, URL) async throws -> T
    ) async throws -> T {
        let (daemon, url) = try await startDemo(in: folder, reader: reader)
        do {
            let value = try await body(daemon, url)
            await daemon.stop()
            return value
        } catch {
            await daemon.stop()
            throw error
        }
    }

    /// The BHXH simulator scenario the demo and these tests share (invented people only).
    public static let demoScenario = BuiltProducts.repository.appendingPathComponent("Samples/bhxh-sim/demo-scenario.json")
}

// MARK: - the production daemon's configuration

extension KioskDaemon {
    /// The BHXH password of the demo scenario's account, given to the daemon as a credential.
    public static let bhxhPassword = "demo-mat-khau"

    /// A configuration file for a production-mode daemon in `folder`, its secrets as systemd
    /// credentials in `folder/credentials` (what `$CREDENTIALS_DIRECTORY` points at). The session
    /// token goes to `folder/token`, the ledger to `folder/ledger.sqlite`, the Unix socket to
    /// `folder/cccdd.sock`; `scanners` replaces the `[scanners]` table, `extra` is appended;
    /// `trustStore` is the `[verification] trust-store` directory (default: an empty `folder/trust`).
    public static func writeConfiguration(in folder: URL, gateway: URL, extra: String = "", scanners: String? = nil,
                                          trustStore: URL? = nil) throws -> (path: String, environment: [String: String]) {
        let credentials = folder.appendingPathComponent("credentials")
        try FileManager.default.createDirectory(at: credentials, withIntermediateDirectories: true)
        for (name, value) in [("bhxh-password", bhxhPassword), ("site-key", "test-site-key-0123456789")] {
            let file = credentials.appendingPathComponent(name)
            _ = FileManager.default.createFile(atPath: file.path, contents: Data(value.utf8), attributes: [.posixPermissions: 0o600])
        }
        let text = """
            [site]
            facility = "01001"
            kiosk = "test-kiosk"

            \(scanners ?? "[scanners]\nmode = \"none\"")

            [verification]
            trust-store = "\((trustStore ?? folder.appendingPathComponent("trust")).path)"

            [gateway]
            chain = ["bhxh", "offline"]

            [gateway.bhxh]
            base-url = "\(gateway.absoluteString)"
            username = "01001_BV"
            password-credential = "bhxh-password"
            staff-name = "Lê Thị Tiếp Đón"
            staff-id = "001186000777"

            [ledger]
            path = "\(folder.appendingPathComponent("ledger.sqlite").path)"
            device-key-file = "\(folder.appendingPathComponent("device.key").path)"
            site-key-credential = "site-key"

            [http]
            socket = "\(folder.appendingPathComponent("cccdd.sock").path)"
            token-file = "\(folder.appendingPathComponent("token").path)"
            \(extra)
            """
        let path = folder.appendingPathComponent("cccdd.toml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return (path, ["CREDENTIALS_DIRECTORY": credentials.path])
    }

    /// The `[scanners]` table for one serial scanner (CR-terminated) at `path`, e.g. a ``PseudoTerminal``'s slave.
    public static func serialScanner(at path: String) -> String {
        """
        [scanners]
        mode = "explicit"

        [[scanners.device]]
        path = "\(path)"
        kind = "serial"
        suffix = "CR"
        """
    }
}
