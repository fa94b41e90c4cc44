import Foundation
import Ledger
import Logging
import ServiceLifecycle

/// Writes a signed ledger checkpoint every configured interval when records were added since the
/// last one, and a final one at shutdown, so an export always has a recent anchor to be checked
/// against.
struct CheckpointService: Service {
    let ledger: Ledger
    let interval: Duration
    let logger: Logger

    func run() async throws {
        let start = (try? ledger.checkpoints().last?.sequence) ?? 0
        let written = await cancelWhenGracefulShutdown {
            var written = start
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                written = checkpoint(after: written)
            }
            return written
        }
        _ = checkpoint(after: written)
    }

    /// The sequence the newest checkpoint covers.
    private func checkpoint(after written: Int64) -> Int64 {
        do {
            guard try ledger.lastSequence() > written else { return written }
            let checkpoint = try ledger.writeCheckpoint(at: Int64(Date().timeIntervalSince1970 * 1000))
            logger.info("ledger checkpoint", metadata: ["sequence": "\(checkpoint.sequence)", "head": "\(checkpoint.head.prefix(16))"])
            return checkpoint.sequence
        } catch {
            logger.error("ledger checkpoint failed", metadata: ["error": "\(error)"])
            return written
        }
    }
}
