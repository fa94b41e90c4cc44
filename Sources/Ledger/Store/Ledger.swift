import Foundation
import GRDB
import Logging

/// The append-only presentation ledger: one SQLite file (WAL, `synchronous=FULL`) holding the
/// hash-chained records, their rollups and the signed checkpoints.
///
/// Durability argument: in WAL mode with `synchronous=FULL` SQLite fsyncs the WAL at every commit,
/// and ``append(_:)`` returns only after its transaction committed, so a record the kiosk was told
/// about survives a crash or power cut (the crash test kills a writer with SIGKILL and checks).
/// `synchronous=NORMAL` would be faster but may lose the last commits on power loss.
public final class Ledger: Sendable {
    let database: DatabasePool
    let configuration: LedgerConfiguration
    let signer: DeviceKey
    public let path: String

    /// Opens (creating and migrating if needed) the ledger at `path`; checkpoints are signed with `signer`.
    public init(path: String, signer: DeviceKey, configuration: LedgerConfiguration = LedgerConfiguration()) throws(LedgerError) {
        var config = Configuration()
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        do {
            database = try DatabasePool(path: path, configuration: config)
            try LedgerSchema.migrator.migrate(database)
        } catch {
            throw LedgerError(.unavailable, diagnostic: path)
        }
        self.path = path
        self.signer = signer
        self.configuration = configuration
    }

    /// Records `presentation` and returns it as stored, after its transaction committed.
    ///
    /// The rollup row is updated in the same transaction, and every ``LedgerConfiguration/checkpointEvery``
    /// records a signed checkpoint is added too.
    @discardableResult
    public func append(_ presentation: Presentation) throws(LedgerError) -> LedgerRecord {
        guard let record = try append(contentsOf: [presentation]).last else {
            throw LedgerError(.writeFailed, diagnostic: path)
        }
        return record
    }

    /// Records several presentations in one transaction (imports, benchmarks, a re-check batch):
    /// all or none are stored, and all are committed when it returns. Same rules as ``append(_:)``.
    @discardableResult
    public func append(contentsOf presentations: [Presentation]) throws(LedgerError) -> [LedgerRecord] {
        for presentation in presentations { try PresentationRules.validate(presentation) }
        let clock = configuration.clock
        let every = configuration.checkpointEvery
        let signer = signer
        var written: [Checkpoint] = []
        let records = try write { db -> [LedgerRecord] in
            var tail = try ChainTail.read(db)
            var records: [LedgerRecord] = []
            records.reserveCapacity(presentations.count)
            for presentation in presentations {
                if let target = presentation.recheckOf, target < 1 || target > tail.sequence {
                    throw LedgerError(.unknownRecheckTarget, diagnostic: "sequence \(target)")
                }
                var record = LedgerRecord(presentation, sequence: tail.sequence + 1, clock: clock)
                record.hash = ChainHash.hash(of: record, previous: tail.hash)
                try RecordTable.insert(record, db)
                try RollupTable.add(record, db)
                if every > 0, record.sequence % every == 0 {
                    written.append(try CheckpointTable.write(sequence: record.sequence, head: record.hash,
                                                             at: presentation.instantMilliseconds, signer: signer, db))
                }
                tail = ChainTail(sequence: record.sequence, hash: record.hash)
                records.append(record)
            }
            return records
        }
        written.forEach(log)
        return records
    }

    /// The sequence number of the last record (0 when empty).
    public func lastSequence() throws(LedgerError) -> Int64 {
        try read { db in try ChainTail.read(db).sequence }
    }

    /// Records `from`…`to` (inclusive) in order; records pruned by retention are absent.
    public func records(from: Int64 = 1, to: Int64 = .max) throws(LedgerError) -> [LedgerRecord] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM presentation WHERE sequence BETWEEN ? AND ? ORDER BY sequence",
                             arguments: [from, to]).map(RecordTable.record(from:))
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws(LedgerError) -> T {
        do {
            return try database.read(body)
        } catch let error as LedgerError {
            throw error
        } catch {
            throw LedgerError(.readFailed, diagnostic: path)
        }
    }

    func write<T>(_ body: (Database) throws -> T) throws(LedgerError) -> T {
        do {
            return try database.write(body)
        } catch let error as LedgerError {
            throw error
        } catch {
            throw LedgerError(.writeFailed, diagnostic: path)
        }
    }

    func log(_ checkpoint: Checkpoint) {
        configuration.logger.info("\(checkpoint.line)")
    }
}

/// The last record's sequence and hash, or the pruned-prefix anchor, or the genesis.
struct ChainTail {
    var sequence: Int64
    var hash: Data

    static func read(_ db: Database) throws -> ChainTail {
        if let row = try Row.fetchOne(db, sql: "SELECT sequence, hash FROM presentation ORDER BY sequence DESC LIMIT 1") {
            return ChainTail(sequence: row[0], hash: row[1])
        }
        return try anchor(db) ?? ChainTail(sequence: 0, hash: ChainHash.genesis)
    }

    /// The last pruned record, if retention ever ran.
    static func anchor(_ db: Database) throws -> ChainTail? {
        guard let row = try Row.fetchOne(db, sql: "SELECT sequence, head FROM chain_anchor WHERE id = 1") else { return nil }
        return ChainTail(sequence: row[0], hash: row[1])
    }
}
