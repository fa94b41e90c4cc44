import GRDB

extension Ledger {
    /// Records `presentation` and returns it as stored, after its transaction committed.
    ///
    /// The rollup rows are updated in the same transaction, and every ``LedgerConfiguration/checkpointEvery``
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
        let signer = try requireSigner()
        let (records, written) = try write { db in try self.append(presentations, in: db, signer: signer) }
        written.forEach(log)
        return records
    }

    /// Appends validated presentations inside the caller's write transaction, so another table's
    /// change (a re-check entry resolved) commits or rolls back together with its linked record.
    /// Returns the records and the checkpoints written (the caller logs them after the commit).
    func append(_ presentations: [Presentation], in db: Database, signer: DeviceKey) throws -> ([LedgerRecord], [Checkpoint]) {
        let clock = configuration.clock
        let every = configuration.checkpointEvery
        var tail = try ChainTail.read(db)
        var records: [LedgerRecord] = []
        var written: [Checkpoint] = []
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
        return (records, written)
    }
}
