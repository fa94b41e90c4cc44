public import CCCDIdentity
public import Eligibility
import Foundation
import GRDB

/// Lookups that ended without an answer (transient, skipped, configuration error), kept in the
/// ledger's own file (table `recheck`) so none is lost across a restart, and handed out again
/// when their backoff has passed.
///
/// When an entry leaves pending — a definitive answer, or attempts exhausted — a **new** record
/// linked to the original one (``Presentation/recheckOf``) is appended in the same transaction
/// that closes the entry: never an update, never one without the other. Personal data is kept
/// only while needed: the name, birth date and lookup key are erased when the entry closes, and
/// the card code is never stored (the caller gets the full answer in memory).
public final class RecheckQueue: Sendable {
    public let ledger: Ledger
    private let policy: RecheckPolicy
    private let now: WallClock

    /// `ledger` must be writable (not opened read-only).
    public init(ledger: Ledger, policy: RecheckPolicy = RecheckPolicy(), now: WallClock = .system) {
        self.ledger = ledger
        self.policy = policy
        self.now = now
    }

    /// Queues `query` — the lookup of the presentation recorded at `sequence` that ended with
    /// `result` — for a first re-check after the policy's first delay; returns the entry id.
    @discardableResult
    public func enqueue(_ query: EligibilityQuery, of sequence: Int64, after result: EligibilityResult) throws(LedgerError) -> Int64 {
        try ledger.write { db in try insertEntry(query, of: sequence, after: result, in: db) }
    }

    /// Appends `presentation` — whose lookup ended with `result`, no answer — and queues `query` for
    /// its re-check in one transaction. Two transactions would leave a window where a crash (an
    /// OOM kill, a power cut) keeps the record but loses the entry: a claim nobody re-checks.
    public func append(_ presentation: Presentation, queueing query: EligibilityQuery,
                       after result: EligibilityResult) throws(LedgerError) -> LedgerRecord {
        try PresentationRules.validate(presentation)
        let signer = try ledger.requireSigner()
        let (record, checkpoints) = try ledger.write { db -> (LedgerRecord, [Checkpoint]) in
            let (records, checkpoints) = try self.ledger.append([presentation], in: db, signer: signer)
            guard let record = records.last else { throw LedgerError(.writeFailed, diagnostic: self.ledger.path) }
            _ = try insertEntry(query, of: record.sequence, after: result, in: db)
            return (record, checkpoints)
        }
        checkpoints.forEach(ledger.log)
        return record
    }

    private func insertEntry(_ query: EligibilityQuery, of sequence: Int64, after result: EligibilityResult, in db: Database) throws -> Int64 {
        let instant = now()
        let firstAttempt = instant.addingTimeInterval(Self.seconds(policy.delay(afterAttempt: 0)))
        guard let original = try Row.fetchOne(db, sql: "SELECT facility, kiosk, source, subject FROM presentation WHERE sequence = ?",
                                              arguments: [sequence])
        else { throw LedgerError(.unknownRecheckTarget, diagnostic: "sequence \(sequence)") }
        try db.execute(sql: """
            INSERT INTO recheck (record_sequence, facility, kiosk, source, subject, lookup_subject, full_name,
                birth_date, visit_date, state, attempts, next_attempt_at, created_at, last_outcome, last_problem)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?, ?)
            """, arguments: [
                sequence, original[0] as String, original[1] as String, original[2] as String, original[3] as String,
                query.subject.wireValue, query.fullName, query.birthDate.gatewayText, query.visitDate.iso8601,
                firstAttempt.timeIntervalSince1970, instant.timeIntervalSince1970, result.outcome.rawValue,
                result.problem?.code,
            ])
        return db.lastInsertedRowID
    }

    /// Pending entries whose time has come, oldest first.
    public func due(limit: Int = 20) throws(LedgerError) -> [RecheckEntry] {
        let rows = try ledger.read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM recheck WHERE state = 'pending' AND next_attempt_at <= ?
                ORDER BY next_attempt_at, id LIMIT ?
                """, arguments: [now().timeIntervalSince1970, limit])
        }
        return rows.compactMap(Self.entry)
    }

    /// Records an attempt: a definitive answer resolves the entry, anything else schedules the
    /// next attempt or abandons the entry when attempts run out. Resolving or abandoning erases the
    /// identity and appends the linked re-check record, in one transaction.
    public func record(_ result: EligibilityResult, for id: Int64) throws(LedgerError) -> RecheckAttempt {
        let instant = now()
        let signer = try ledger.requireSigner()
        let policy = policy
        let (attempt, checkpoints) = try ledger.write { db -> (RecheckAttempt, [Checkpoint]) in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM recheck WHERE id = ? AND state = 'pending'", arguments: [id])
            else { throw LedgerError(.unknownRecheckEntry, diagnostic: String(id)) }
            let made = (row["attempts"] as Int) + 1
            let state: RecheckState = result.outcome.isDefinitive ? .resolved
                : made >= policy.maximumAttempts ? .abandoned : .pending
            guard state != .pending else {
                let next = instant.addingTimeInterval(Self.seconds(policy.delay(afterAttempt: made)))
                try db.execute(sql: """
                    UPDATE recheck SET attempts = ?, next_attempt_at = ?, last_outcome = ?, last_problem = ? WHERE id = ?
                    """, arguments: [made, next.timeIntervalSince1970, result.outcome.rawValue, result.problem?.code, id])
                return (RecheckAttempt(state: state, linkedRecord: nil), [])
            }
            let presentation = Presentation(
                result: result, instantMilliseconds: Int64((instant.timeIntervalSince1970 * 1000).rounded(.down)),
                facility: row["facility"], kiosk: row["kiosk"], source: InputSource(rawValue: row["source"]) ?? .manual,
                chipVerdict: .notRead, subject: (row["subject"] as String).isEmpty ? nil : SubjectPseudonym(hex: row["subject"]),
                recheckOf: row["record_sequence"])
            try PresentationRules.validate(presentation)
            let (records, checkpoints) = try self.ledger.append([presentation], in: db, signer: signer)
            try db.execute(sql: """
                UPDATE recheck SET state = ?, attempts = ?, last_outcome = ?, last_problem = ?, outcome = ?,
                    result_code = ?, linked_sequence = ?, full_name = NULL, birth_date = NULL, lookup_subject = NULL
                WHERE id = ?
                """, arguments: [state.rawValue, made, result.outcome.rawValue, result.problem?.code,
                                 state == .resolved ? result.outcome.rawValue : nil, result.resultCode,
                                 records.last?.sequence, id])
            return (RecheckAttempt(state: state, linkedRecord: records.last), checkpoints)
        }
        checkpoints.forEach(ledger.log)
        return attempt
    }

    /// How an entry ended (or stands), for the claim.
    public func resolution(of id: Int64) throws(LedgerError) -> RecheckResolution {
        guard let row = try ledger.read({ db in try Row.fetchOne(db, sql: "SELECT * FROM recheck WHERE id = ?", arguments: [id]) }),
              let state = RecheckState(rawValue: row["state"] ?? "")
        else { throw LedgerError(.unknownRecheckEntry, diagnostic: String(id)) }
        return RecheckResolution(
            recordSequence: row["record_sequence"], state: state,
            outcome: (row["outcome"] as String?).flatMap(EligibilityClass.init(rawValue:)),
            resultCode: row["result_code"], attempts: row["attempts"] ?? 0, linkedSequence: row["linked_sequence"])
    }

    public func count(in state: RecheckState) throws(LedgerError) -> Int {
        try ledger.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM recheck WHERE state = ?", arguments: [state.rawValue]) ?? 0
        }
    }

    /// A stored row back as a query; rows that no longer parse are skipped rather than retried forever.
    private static func entry(_ row: Row) -> RecheckEntry? {
        guard let subjectText: String = row["lookup_subject"], let name: String = row["full_name"],
              let birthText: String = row["birth_date"], let visitText: String = row["visit_date"],
              let visit = CivilDate(iso8601: visitText),
              let birth = CivilDate(slashedDMY: birthText).map(BHYTBirthDate.date)
                ?? (birthText.count == 4 ? Int(birthText).map(BHYTBirthDate.yearOnly) : nil),
              let subject = try? LookupSubject(parsing: subjectText),
              let query = try? EligibilityQuery(subject: subject, fullName: name, birthDate: birth, visitDate: visit)
        else { return nil }
        return RecheckEntry(id: row["id"], recordSequence: row["record_sequence"], query: query, attempts: row["attempts"],
                            nextAttemptAt: Date(timeIntervalSince1970: row["next_attempt_at"]))
    }

    private static func seconds(_ duration: Duration) -> TimeInterval {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
