import CCCDTestSupport
import Foundation

/// The real `cccd-vcard` binary serving a profile into vpcd, stopped by its PID in every path.
struct VirtualCardProcess {
    let process: SpawnedProcess
    let log: URL

    var output: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    /// Starts the card, waits for its `inserted` line, runs `body`, and stops it (SIGTERM, which
    /// removes the card; SIGKILL if it does not exit).
    static func with<T>(
        profile: URL, arguments: [String] = [], in folder: URL,
        _ body: (VirtualCardProcess) async throws -> T
    ) async throws -> T {
        let log = folder.appendingPathComponent("cccd-vcard-\(UUID().uuidString).log")
        let process = try SpawnedProcess(
            executable: BuiltProducts.executable("cccd-vcard").path,
            arguments: ["--profile", profile.path] + arguments, logPath: log.path
        )
        let card = VirtualCardProcess(process: process, log: log)
        do {
            try await card.waitForLine("inserted:")
            let result = try await body(card)
            await process.stop()
            return result
        } catch {
            await process.stop()
            throw error
        }
    }

    /// Polls the log until a line containing `text` appears (synchronisation, not a timed check).
    func waitForLine(_ text: String, occurrences: Int = 1, within limit: Duration = .seconds(20)) async throws {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            if output.components(separatedBy: "\n").filter({ $0.contains(text) }).count >= occurrences { return }
            if process.reapIfExited() { throw ChildProcessError(description: "cccd-vcard exited: \(output)") }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw ChildProcessError(description: "cccd-vcard never printed \(text): \(output)")
    }
}
