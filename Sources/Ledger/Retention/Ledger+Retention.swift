import Foundation
import GRDB

extension Ledger {
    /// Removes raw records whose facility-local date is more than `days` days before the date of
    /// `now`, keeping the chain verifiable.
    ///
    /// Order inside one transaction: (1) the rollups already hold every record's counts (they are
    /// maintained by ``append(_:)``), (2) a signed checkpoint is written at the last record to
    /// remove — the anchor — and one at the head, (3) the anchor's sequence and hash are stored,
    /// (4) the prefix is deleted through a one-time permit the delete trigger checks. Only a prefix
    /// is ever removed, so the chain still runs unbroken from the anchor to the head.
    @discardableResult
    public func prune(keepingDays days: Int, now instantMilliseconds: Int64) throws(LedgerError) -> RetentionReport {
        let today = configuration.clock.localDate(ofMilliseconds: instantMilliseconds)
        guard days >= 0, let todayDays = FacilityClock.days(of: today) else {
            throw LedgerError(.invalidDate, diagnostic: "retention of \(days) days")
        }
        let cutoff = FacilityClock.date(ofDays: todayDays - Int64(days))
        let signer = try requireSigner()
        let report = try write { db -> RetentionReport in
            // The last record of the prefix that is entirely older than the cutoff.
            let firstKept = try Int64.fetchOne(db, sql: "SELECT MIN(sequence) FROM presentation WHERE local_date >= ?", arguments: [cutoff])
            let tail = try ChainTail.read(db)
            let anchorSequence = firstKept.map { $0 - 1 } ?? tail.sequence
            let previousAnchor = try ChainTail.anchor(db)?.sequence ?? 0
            guard anchorSequence > previousAnchor else {
                return RetentionReport(prunedRecords: 0, anchorSequence: previousAnchor)
            }
            guard let anchorHash = try Data.fetchOne(db, sql: "SELECT hash FROM presentation WHERE sequence = ?", arguments: [anchorSequence]) else {
                throw LedgerError(.writeFailed, diagnostic: "anchor record \(anchorSequence) missing")
            }
            let anchorCheckpoint = try CheckpointTable.write(sequence: anchorSequence, head: anchorHash, at: instantMilliseconds, signer: signer, db)
            let headCheckpoint = try CheckpointTable.write(sequence: tail.sequence, head: tail.hash, at: instantMilliseconds, signer: signer, db)
            try db.execute(sql: "INSERT OR REPLACE INTO chain_anchor (id, sequence, head) VALUES (1, ?, ?)", arguments: [anchorSequence, anchorHash])
            try db.execute(sql: "INSERT INTO prune_permit (through_sequence) VALUES (?)", arguments: [anchorSequence])
            try db.execute(sql: "DELETE FROM presentation WHERE sequence <= ?", arguments: [anchorSequence])
            let pruned = Int64(db.changesCount)
            try db.execute(sql: "DELETE FROM prune_permit")
            return RetentionReport(prunedRecords: pruned, anchorSequence: anchorSequence,
                                   anchorCheckpoint: anchorCheckpoint, headCheckpoint: headCheckpoint)
        }
        for checkpoint in [report.anchorCheckpoint, report.headCheckpoint].compactMap(\.self) { log(checkpoint) }
        return report
    }
}
