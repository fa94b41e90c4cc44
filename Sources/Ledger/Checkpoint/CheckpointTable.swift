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
    /// The daemon calls this on a timer and at shutdown; exports call it before reading.
    @discardableResult
    public func writeCheckpoint(at instantMilliseconds: Int64) throws(LedgerError) -> Checkpoint {
        let signer = signer
        let checkpoint = try write { db in
            let tail = try ChainTail.read(db)
            return try CheckpointTable.write(sequence: tail.sequence, head: tail.hash, at: instantMilliseconds, signer: signer, db)
        }
        log(checkpoint)
        return checkpoint
    }

    /// Every stored checkpoint, oldest first.
    public func checkpoints() throws(LedgerError) -> [Checkpoint] {
        try read { db in try CheckpointTable.all(db) }
    }
}
