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
            try await waitForReader(cardPresent: true)
            let result = try await body(card)
            await process.stop()
            return result
        } catch {
            await process.stop()
            throw error
        }
    }

    /// Polls `cccdctl readers --json` until pcscd shows the first virtual reader with (or without)
    /// a card: vpcd has the socket before pcscd's presence poll has seen it.
    static func waitForReader(cardPresent: Bool, within limit: Duration = .seconds(20)) async throws {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            let outcome = try await runProcess(BuiltProducts.executable("cccdctl"), ["readers", "--json"])
            if let object = try? JSONSerialization.jsonObject(with: outcome.stdout) as? [String: Any],
               let readers = object["readers"] as? [[String: Any]],
               readers.contains(where: { $0["name"] as? String == PCSCRig.firstReaderName && $0["cardPresent"] as? Bool == cardPresent }) {
                return
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw EndToEndFailure(description: "\(PCSCRig.firstReaderName) never showed cardPresent=\(cardPresent)")
    }

    /// Polls the log until a line containing `text` appears (synchronisation, not a timed check).
    func waitForLine(_ text: String, occurrences: Int = 1, within limit: Duration = .seconds(20)) async throws {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            if output.components(separatedBy: "\n").filter({ $0.contains(text) }).count >= occurrences { return }
            if process.reapIfExited() { throw EndToEndFailure(description: "cccd-vcard exited: \(output)") }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw EndToEndFailure(description: "cccd-vcard never printed \(text): \(output)")
    }
}
