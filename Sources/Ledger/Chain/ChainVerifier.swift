import Foundation
import GRDB
import GRDBSQLite
import Crypto

extension Ledger {
    /// Recomputes every record's hash from its stored columns and checks the chain, the sequence
    /// numbers, the pruned-prefix anchor and every stored checkpoint (signature by the device's
    /// key — this device's, or the public key a read-only copy was opened with — and head).
    /// Returns intact, or the first broken record. Throws ``LedgerFailure/publicKeyUnreadable``
    /// on a read-only copy opened without a public key.
    public func verify() throws(LedgerError) -> ChainVerification {
        try verify(checkpoints: [])
    }

    /// ``verify()`` plus a checkpoint kept outside the ledger (a log line, an earlier export): the
    /// current file must still contain that checkpoint's records unchanged.
    public func verify(against checkpoint: Checkpoint) throws(LedgerError) -> ChainVerification {
        guard checkpoint.isSignatureValid else { throw LedgerError(.malformedCheckpoint, diagnostic: "signature does not verify") }
        return try verify(checkpoints: [checkpoint])
    }

    private func verify(checkpoints external: [Checkpoint]) throws(LedgerError) -> ChainVerification {
        guard let deviceKey = verifyingKey?.hex else { throw LedgerError(.publicKeyUnreadable, diagnostic: "no public key given") }
        return try read { db in
            let stored = try CheckpointTable.all(db)
            // Every head the chain must show at a given sequence: stored checkpoints and external ones.
            var heads: [Int64: [String]] = [:]
            for checkpoint in stored {
                guard checkpoint.key == deviceKey, checkpoint.isSignatureValid else {
                    return ChainVerification(recordsChecked: 0, headSequence: 0, head: "",
                                             firstBroken: checkpoint.sequence, breakReason: .checkpointSignature)
                }
                heads[checkpoint.sequence, default: []].append(checkpoint.head)
            }
            for checkpoint in external { heads[checkpoint.sequence, default: []].append(checkpoint.head) }

            var start = ChainTail(sequence: 0, hash: ChainHash.genesis)
            if let anchor = try ChainTail.anchor(db) {
                // Retention removed records 1…anchor: a signed checkpoint at exactly the anchor must
                // vouch for it, and every checkpoint inside the pruned part must agree with a stored one.
                let vouched = stored.contains { $0.sequence == anchor.sequence && $0.head == anchor.hash.hexString }
                guard vouched, heads[anchor.sequence]?.allSatisfy({ $0 == anchor.hash.hexString }) == true else {
                    return ChainVerification(recordsChecked: 0, headSequence: anchor.sequence, head: anchor.hash.hexString,
                                             firstBroken: anchor.sequence, breakReason: .anchorUnverified)
                }
                for checkpoint in external where checkpoint.sequence < anchor.sequence {
                    guard stored.contains(where: { $0.sequence == checkpoint.sequence && $0.head == checkpoint.head }) else {
                        return ChainVerification(recordsChecked: 0, headSequence: anchor.sequence, head: anchor.hash.hexString,
                                                 firstBroken: checkpoint.sequence, breakReason: .checkpointMismatch)
                    }
                }
                start = anchor
            }
            var walk = ChainWalk(start: start)
            if let broken = try walk.run(db, heads: heads) { return broken }
            // A checkpoint beyond the last record: records were removed from the end.
            if heads.keys.contains(where: { $0 > walk.sequence }) {
                return walk.report(broken: walk.sequence + 1, reason: .truncated)
            }
            return walk.report(broken: nil, reason: nil)
        }
    }
}

/// One pass over the raw rows with SQLite's C API: no per-row Swift objects, one reused buffer,
/// so verification runs at hashing speed.
private struct ChainWalk {
    var sequence: Int64
    var previous: [UInt8]
    var checked: Int64 = 0

    init(start: ChainTail) {
        sequence = start.sequence
        previous = [UInt8](start.hash)
    }

    /// Walks every record; returns the first break, or nil with ``sequence``/``previous`` at the head.
    mutating func run(_ db: Database, heads: [Int64: [String]]) throws -> ChainVerification? {
        let columns = CanonicalEncoding.columns
        let list = columns.map(\.name).joined(separator: ", ")
        let statement = try db.makeStatement(sql: "SELECT \(list), hash FROM presentation ORDER BY sequence")
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        var writer = CanonicalEncoding.Writer()
        let hashColumn = Int32(columns.count)
        while true {
            let step = sqlite3_step(handle)
            if step == SQLITE_DONE { return nil }
            guard step == SQLITE_ROW else { throw DatabaseError(resultCode: ResultCode(rawValue: step)) }
            let current = sqlite3_column_int64(handle, 0)
            guard current == sequence + 1 else { return report(broken: sequence + 1, reason: .missingRecord) }
            writer.reset()
            for (index, column) in columns.enumerated() {
                let i = Int32(index)
                switch column {
                case .integer: writer.integer(sqlite3_column_int64(handle, i))
                case .text:
                    let count = Int(sqlite3_column_bytes(handle, i))
                    let pointer = sqlite3_column_text(handle, i)
                    writer.text(count: count, UnsafeBufferPointer(start: pointer, count: pointer == nil ? 0 : count))
                }
            }
            var hasher = SHA256()
            previous.withUnsafeBytes { hasher.update(bufferPointer: $0) }
            writer.bytes.withUnsafeBytes { hasher.update(bufferPointer: $0) }
            let digest = hasher.finalize()
            let storedCount = Int(sqlite3_column_bytes(handle, hashColumn))
            let stored = UnsafeRawBufferPointer(start: sqlite3_column_blob(handle, hashColumn), count: storedCount)
            let matches = digest.withUnsafeBytes { computed in storedCount == 32 && computed.elementsEqual(stored) }
            guard matches else { return report(broken: current, reason: .hashMismatch) }
            digest.withUnsafeBytes { computed in previous.withUnsafeMutableBytes { $0.copyMemory(from: computed) } }
            sequence = current
            checked += 1
            if let wanted = heads[current] {
                let hex = Data(previous).hexString
                if wanted.contains(where: { $0 != hex }) { return report(broken: current, reason: .checkpointMismatch) }
            }
        }
    }

    func report(broken: Int64?, reason: ChainVerification.Break?) -> ChainVerification {
        ChainVerification(recordsChecked: checked, headSequence: sequence, head: Data(previous).hexString,
                          firstBroken: broken, breakReason: reason)
    }
}
