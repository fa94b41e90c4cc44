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
    let database: any DatabaseWriter
    let configuration: LedgerConfiguration
    /// Nil when opened read-only: nothing is signed or written then.
    let signer: DeviceKey?
    /// The key every stored checkpoint must be signed with; nil for a read-only copy opened
    /// without one (statistics only, ``verify()`` refuses).
    let verifyingKey: DevicePublicKey?
    /// False only on a copy opened read-only before migration `ledger.v3.monthly-rollup`.
    let hasMonthlyRollup: Bool
    public let path: String

    /// Opens (creating and migrating if needed) the ledger at `path`; checkpoints are signed with `signer`.
    public init(path: String, signer: DeviceKey, configuration: LedgerConfiguration = LedgerConfiguration()) throws(LedgerError) {
        var config = Configuration()
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // Erased re-check identities are zeroed, not left in free space (Debian's default, made explicit).
            try db.execute(sql: "PRAGMA secure_delete = ON")
        }
        do {
            database = try DatabasePool(path: path, configuration: config)
            try LedgerSchema.migrator.migrate(database)
        } catch {
            throw LedgerError(.unavailable, diagnostic: path)
        }
        self.path = path
        self.signer = signer
        verifyingKey = signer.publicKey
        hasMonthlyRollup = true
        self.configuration = configuration
    }

    /// Opens a ledger file read-only — an auditor's copy, or the live file for statistics — and
    /// never writes to it: no migration, no checkpoint, no journal. Checkpoints are verified
    /// against `publicKey` (the device's, exported with `cccdctl ledger public-key`).
    ///
    /// A file with no write-ahead log or shared-memory index beside it (a closed ledger, a copy)
    /// is opened `immutable`, so SQLite creates no `-wal`/`-shm` files either; a live file (the
    /// daemon has it open) is read in SQLite's read-only mode, which sees its committed log and
    /// never writes the database or the log. Relies on SQLite URI filenames (Debian enables them).
    public init(readOnlyAt path: String, publicKey: DevicePublicKey?, configuration: LedgerConfiguration = LedgerConfiguration()) throws(LedgerError) {
        guard FileManager.default.fileExists(atPath: path) else { throw LedgerError(.unavailable, diagnostic: "\(path): no such file") }
        let live = FileManager.default.fileExists(atPath: path + "-wal") || FileManager.default.fileExists(atPath: path + "-shm")
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(10)
        do {
            let queue = try DatabaseQueue(path: Self.uri(path, live: live), configuration: config)
            let tables = try queue.read { db in
                (try db.tableExists("presentation") && db.tableExists("checkpoint"), try db.tableExists("rollup_month"))
            }
            guard tables.0 else { throw LedgerError(.unavailable, diagnostic: "\(path): not a ledger") }
            database = queue
            hasMonthlyRollup = tables.1
        } catch let error as LedgerError {
            throw error
        } catch {
            throw LedgerError(.unavailable, diagnostic: path)
        }
        self.path = path
        signer = nil
        verifyingKey = publicKey
        self.configuration = configuration
    }

    /// `file:` URI of `path` (`%`, `?` and `#` escaped) with the read-only mode.
    private static func uri(_ path: String, live: Bool) -> String {
        var escaped = ""
        for character in path.unicodeScalars {
            switch character {
            case "%": escaped += "%25"
            case "?": escaped += "%3f"
            case "#": escaped += "%23"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return "file:\(escaped)?\(live ? "mode=ro" : "immutable=1")"
    }

    /// Whether the ledger was opened with ``init(readOnlyAt:publicKey:configuration:)``.
    public var isReadOnly: Bool { signer == nil }

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

    /// The device key, or ``LedgerFailure/readOnly`` on a read-only ledger.
    func requireSigner() throws(LedgerError) -> DeviceKey {
        guard let signer else { throw LedgerError(.readOnly, diagnostic: path) }
        return signer
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
        guard signer != nil else { throw LedgerError(.readOnly, diagnostic: path) }
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
