import Foundation
import Ledger
import Logging
import ServiceLifecycle

/// The ledger's housekeeping: a signed checkpoint every configured interval when records were
/// added since the last one, and a final one at shutdown, so an export always has a recent anchor;
/// and, when `ledger.retention-days` is set, the pruning of older raw records (at start and then
/// with each interval). Pruning keeps every count in the rollups and writes its own checkpoints,
/// so statistics and chain verification stay whole.
struct LedgerUpkeepService: Service {
    let ledger: Ledger
    let interval: Duration
    /// 0 keeps every record forever.
    let retentionDays: Int
    let logger: Logger

    func run() async throws {
        prune()
        let start = (try? ledger.checkpoints().last?.sequence) ?? 0
        let written = await cancelWhenGracefulShutdown {
            var written = start
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                written = checkpoint(after: written)
                prune()
            }
            return written
        }
        _ = checkpoint(after: written)
    }

    /// The sequence the newest checkpoint covers.
    private func checkpoint(after written: Int64) -> Int64 {
        do {
            guard try ledger.lastSequence() > written else { return written }
            let checkpoint = try ledger.writeCheckpoint(at: Self.now)
            logger.info("ledger checkpoint", metadata: ["sequence": "\(checkpoint.sequence)", "head": "\(checkpoint.head.prefix(16))"])
            return checkpoint.sequence
        } catch {
            logger.error("ledger checkpoint failed", metadata: ["error": "\(error)"])
            return written
        }
    }

    private func prune() {
        guard retentionDays > 0 else { return }
        do {
            let report = try ledger.prune(keepingDays: retentionDays, now: Self.now)
            if report.prunedRecords > 0 {
                logger.notice("ledger retention", metadata: [
                    "pruned": "\(report.prunedRecords)", "anchor": "\(report.anchorSequence)", "days": "\(retentionDays)",
                ])
            }
        } catch {
            logger.error("ledger retention failed", metadata: ["error": "\(error)"])
        }
    }

    private static var now: Int64 { Int64(Date().timeIntervalSince1970 * 1000) }
}
