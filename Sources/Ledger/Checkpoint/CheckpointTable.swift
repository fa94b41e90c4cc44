import Foundation
import GRDB

/// The `checkpoint` table.
enum CheckpointTable {
    static func write(sequence: Int64, head: Data, at: Int64, signer: DeviceKey, _ db: Database) throws -> Checkpoint {
        let checkpoint = Checkpoint.make(sequence: sequence, head: head, at: at, signer: signer)
        try db.execute(
            sql: "INSERT INTO checkpoint (sequence, head, at, key, signature) VALUES (?, ?, ?, ?, ?)",
            arguments: [checkpoint.sequence, checkpoint.head, checkpoint.at, checkpoint.key, checkpoint.signature])
        return checkpoint
    }

    static func all(_ db: Database) throws -> [Checkpoint] {
        try Row.fetchAll(db, sql: "SELECT sequence, head, at, key, signature FROM checkpoint ORDER BY id").map {
            Checkpoint(sequence: $0[0], head: $0[1], at: $0[2], key: $0[3], signature: $0[4])
        }
    }
}

extension Ledger {
    /// Signs and stores a checkpoint of the current chain head, logs its line, and returns it.
    /// The daemon calls this at shutdown (and ``writeCheckpointIfDue(now:interval:)`` on a timer);
    /// exports call it before reading.
    @discardableResult
    public func writeCheckpoint(at instantMilliseconds: Int64) throws(LedgerError) -> Checkpoint {
        let signer = try requireSigner()
        let checkpoint = try write { db in
            let tail = try ChainTail.read(db)
            return try CheckpointTable.write(sequence: tail.sequence, head: tail.hash, at: instantMilliseconds, signer: signer, db)
        }
        log(checkpoint)
        return checkpoint
    }

    /// The daemon's timer: writes a checkpoint when records were appended since the last one and
    /// that one is at least `interval` old (or there is none), and returns it; nil otherwise. An
    /// idle kiosk thus adds no identical checkpoints overnight, and a busy one at most one per
    /// `interval` on top of the every-N-records ones the appends write.
    @discardableResult
    public func writeCheckpointIfDue(now instantMilliseconds: Int64, interval: Duration) throws(LedgerError) -> Checkpoint? {
        let signer = try requireSigner()
        let (seconds, attoseconds) = interval.components
        let intervalMilliseconds = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        let checkpoint = try write { db -> Checkpoint? in
            let tail = try ChainTail.read(db)
            let last = try Row.fetchOne(db, sql: "SELECT sequence, at FROM checkpoint ORDER BY id DESC LIMIT 1")
            if let last {
                let (sequence, at): (Int64, Int64) = (last[0], last[1])
                guard sequence != tail.sequence, instantMilliseconds - at >= intervalMilliseconds else { return nil }
            } else if tail.sequence == 0 {
                return nil
            }
            return try CheckpointTable.write(sequence: tail.sequence, head: tail.hash, at: instantMilliseconds, signer: signer, db)
        }
        if let checkpoint { log(checkpoint) }
        return checkpoint
    }

    /// Every stored checkpoint, oldest first.
    public func checkpoints() throws(LedgerError) -> [Checkpoint] {
        try read { db in try CheckpointTable.all(db) }
    }
}
