import CCCDIdentity
public import Eligibility
import Foundation
import GRDB

/// Lookups that ended without an answer (transient, skipped, configuration error), persisted in
/// SQLite so none is lost across a restart, and handed out again when their backoff has passed.
///
/// Personal data is kept only while needed: once an entry is resolved or abandoned, the name and
/// date of birth are erased and only the outcome, result code and card code remain for the claim.
/// The ledger issue owns the product's database; this table is self-contained so it can move there.
public final class RecheckQueue: Sendable {
    private let database: DatabaseQueue
    private let policy: RecheckPolicy
    private let now: WallClock

    public init(path: String, policy: RecheckPolicy = RecheckPolicy(), now: WallClock = .system) throws(RecheckStoreError) {
        do {
            database = try DatabaseQueue(path: path)
            try Self.migrator.migrate(database)
        } catch {
            throw RecheckStoreError(.unavailable, diagnostic: path)
        }
        self.policy = policy
        self.now = now
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("eligibility_recheck.v1") { db in
            try db.execute(sql: """
                CREATE TABLE eligibility_recheck (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    reference TEXT NOT NULL,
                    subject TEXT,
                    full_name TEXT,
                    birth_date TEXT,
                    visit_date TEXT NOT NULL,
                    state TEXT NOT NULL CHECK (state IN ('pending', 'resolved', 'abandoned')),
                    attempts INTEGER NOT NULL DEFAULT 0,
                    next_attempt_at REAL NOT NULL,
                    created_at REAL NOT NULL,
                    last_outcome TEXT,
                    last_problem TEXT,
                    outcome TEXT,
                    result_code TEXT,
                    card_code TEXT
                );
                CREATE INDEX eligibility_recheck_due ON eligibility_recheck (state, next_attempt_at);
                """)
        }
        return migrator
    }

    /// Queues `query` for a first re-check after the policy's first delay; returns the entry id.
    @discardableResult
    public func enqueue(_ query: EligibilityQuery, reference: String, after result: EligibilityResult) throws(RecheckStoreError) -> Int64 {
        let instant = now()
        return try write { db in
            try db.execute(sql: """
                INSERT INTO eligibility_recheck (reference, subject, full_name, birth_date, visit_date, state,
                    attempts, next_attempt_at, created_at, last_outcome, last_problem)
                VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?, ?)
                """, arguments: [
                    reference, query.subject.wireValue, query.fullName, query.birthDate.gatewayText,
                    query.visitDate.iso8601, instant.addingTimeInterval(Self.seconds(policy.delay(afterAttempt: 0))).timeIntervalSince1970,
                    instant.timeIntervalSince1970, result.outcome.rawValue, result.problem?.code,
                ])
            return db.lastInsertedRowID
        }
    }

    /// Pending entries whose time has come, oldest first.
    public func due(limit: Int = 20) throws(RecheckStoreError) -> [RecheckEntry] {
        let rows = try read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM eligibility_recheck WHERE state = 'pending' AND next_attempt_at <= ?
                ORDER BY next_attempt_at, id LIMIT ?
                """, arguments: [now().timeIntervalSince1970, limit])
        }
        return rows.compactMap(Self.entry)
    }

    /// Records an attempt: a definitive answer resolves the entry (erasing name and birth date),
    /// anything else schedules the next attempt or abandons the entry when attempts run out.
    public func record(_ result: EligibilityResult, for id: Int64) throws(RecheckStoreError) -> RecheckState {
        let instant = now()
        return try write { db in
            guard let attempts = try Int.fetchOne(db, sql: "SELECT attempts FROM eligibility_recheck WHERE id = ? AND state = 'pending'",
                                                  arguments: [id])
            else { throw RecheckStoreError(.unknownEntry, diagnostic: String(id)) }
            let made = attempts + 1
            let state: RecheckState = result.outcome.isDefinitive ? .resolved
                : made >= policy.maximumAttempts ? .abandoned : .pending
            if state == .pending {
                let next = instant.addingTimeInterval(Self.seconds(policy.delay(afterAttempt: made)))
                try db.execute(sql: """
                    UPDATE eligibility_recheck SET attempts = ?, next_attempt_at = ?, last_outcome = ?, last_problem = ?
                    WHERE id = ?
                    """, arguments: [made, next.timeIntervalSince1970, result.outcome.rawValue, result.problem?.code, id])
            } else {
                try db.execute(sql: """
                    UPDATE eligibility_recheck SET state = ?, attempts = ?, last_outcome = ?, last_problem = ?,
                        outcome = ?, result_code = ?, card_code = ?, full_name = NULL, birth_date = NULL, subject = NULL
                    WHERE id = ?
                    """, arguments: [state.rawValue, made, result.outcome.rawValue, result.problem?.code,
                                     state == .resolved ? result.outcome.rawValue : nil, result.resultCode,
                                     result.card?.code, id])
            }
            return state
        }
    }

    /// How an entry ended (or stands), for the claim.
    public func resolution(of id: Int64) throws(RecheckStoreError) -> RecheckResolution {
        guard let row = try read({ db in try Row.fetchOne(db, sql: "SELECT * FROM eligibility_recheck WHERE id = ?", arguments: [id]) }),
              let state = RecheckState(rawValue: row["state"] ?? "")
        else { throw RecheckStoreError(.unknownEntry, diagnostic: String(id)) }
        return RecheckResolution(
            reference: row["reference"] ?? "", state: state,
            outcome: (row["outcome"] as String?).flatMap(EligibilityClass.init(rawValue:)),
            resultCode: row["result_code"], cardCode: row["card_code"], attempts: row["attempts"] ?? 0)
    }

    public func count(in state: RecheckState) throws(RecheckStoreError) -> Int {
        try read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM eligibility_recheck WHERE state = ?", arguments: [state.rawValue]) ?? 0
        }
    }

    /// A stored row back as a query; rows that no longer parse are skipped rather than retried forever.
    private static func entry(_ row: Row) -> RecheckEntry? {
        guard let subjectText: String = row["subject"], let name: String = row["full_name"],
              let birthText: String = row["birth_date"], let visitText: String = row["visit_date"],
              let visit = CivilDate(iso8601: visitText),
              let birth = CivilDate(slashedDMY: birthText).map(BHYTBirthDate.date)
                ?? (birthText.count == 4 ? Int(birthText).map(BHYTBirthDate.yearOnly) : nil),
              let subject = try? LookupSubject(parsing: subjectText),
              let query = try? EligibilityQuery(subject: subject, fullName: name, birthDate: birth, visitDate: visit)
        else { return nil }
        return RecheckEntry(id: row["id"], reference: row["reference"], query: query, attempts: row["attempts"],
                            nextAttemptAt: Date(timeIntervalSince1970: row["next_attempt_at"]))
    }

    private static func seconds(_ duration: Duration) -> TimeInterval {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private func read<T>(_ body: (Database) throws -> T) throws(RecheckStoreError) -> T {
        do { return try database.read(body) } catch let error as RecheckStoreError { throw error } catch {
            throw RecheckStoreError(.unavailable, diagnostic: database.path)
        }
    }

    private func write<T>(_ body: (Database) throws -> T) throws(RecheckStoreError) -> T {
        do { return try database.write(body) } catch let error as RecheckStoreError { throw error } catch {
            throw RecheckStoreError(.unavailable, diagnostic: database.path)
        }
    }
}
