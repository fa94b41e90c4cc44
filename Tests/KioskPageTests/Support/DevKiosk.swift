import CCCDTestSupport
import Foundation

/// One boot of the page's development fake (`scripts/kiosk-page-dev.py`) on 127.0.0.1.
///
/// The fake plays the kiosk API contract with scripted presentations of invented people, so these
/// tests check the page alone; runs against the real `cccdd --demo` use the same ``KioskBrowser``
/// with the daemon's URL instead.
struct DevKiosk: Sendable {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let script = repository.appendingPathComponent("scripts/kiosk-page-dev.py")

    let process: SpawnedProcess
    let port: Int
    /// The one-time login URL the fake printed (`Kiosk: http://127.0.0.1:PORT/?token=…`).
    let loginURL: String

    /// Starts the fake (its output in `log`, one file per boot) and waits for its URL line. `port` 0 lets it pick; a restart passes the old one.
    /// `cookie` is the per-boot session secret: the same value across a restart models a page whose
    /// cookie is still accepted, a new one a daemon that no longer knows it.
    static func start(port: Int = 0, cookie: String, hold: Double, pace: Double = 0.3, log: URL) async throws -> DevKiosk {
        guard let python = which("python3") else { throw KioskPageTestError(description: "python3 is not installed") }
        let process = try SpawnedProcess(
            executable: python.path,
            arguments: [script.path, "--port", String(port), "--cookie", cookie, "--hold", String(hold), "--pace", String(pace)],
            logPath: log.path)
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if let line = output.split(separator: "\n").first(where: { $0.hasPrefix("Kiosk: ") }) {
                let url = String(line.dropFirst("Kiosk: ".count))
                let portText = url.split(separator: ":").last?.split(separator: "/").first ?? ""
                if let bound = Int(portText) { return DevKiosk(process: process, port: bound, loginURL: url) }
            }
            if process.reapIfExited() { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        await process.stop()
        throw KioskPageTestError(description: "the kiosk page fake did not start: \((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
    }

    func stop() async { await process.stop() }

    /// Runs `body` with a started fake and stops it afterwards, whether `body` returned or threw.
    static func with<T>(cookie: String, hold: Double, in folder: URL, _ body: (DevKiosk) async throws -> T) async throws -> T {
        let kiosk = try await start(cookie: cookie, hold: hold, log: folder.appendingPathComponent("fake.log"))
        do {
            let value = try await body(kiosk)
            await kiosk.stop()
            return value
        } catch {
            await kiosk.stop()
            throw error
        }
    }
}

/// A fixture of these tests (the fake, the harness, a rendezvous file) that did not do its part.
struct KioskPageTestError: Error, CustomStringConvertible {
    var description: String
}
