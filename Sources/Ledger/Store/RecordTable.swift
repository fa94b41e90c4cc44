import Foundation
import GRDB

extension LedgerRecord {
    /// The stored form of `presentation` at `sequence` (hash still empty).
    init(_ presentation: Presentation, sequence: Int64, clock: FacilityClock) {
        self.init(
            sequence: sequence,
            instantMilliseconds: presentation.instantMilliseconds,
            localDate: clock.localDate(ofMilliseconds: presentation.instantMilliseconds),
            facility: presentation.facility,
            kiosk: presentation.kiosk,
            source: presentation.source.rawValue,
            chipVerdict: presentation.chipVerdict.rawValue,
            failedChecks: presentation.failedChecks.joined(separator: ","),
            gatewayAdapter: presentation.gatewayAdapter,
            resultClass: presentation.outcome.rawValue,
            resultCode: presentation.resultCode ?? "",
            gatewayCalls: Int64(presentation.gatewayCalls),
            latencyMilliseconds: presentation.latencyMilliseconds,
            subject: presentation.subject?.hex ?? "",
            recheckOf: presentation.recheckOf ?? 0,
            hash: Data()
        )
    }
}

/// Rows of the `presentation` table.
enum RecordTable {
    static func insert(_ r: LedgerRecord, _ db: Database) throws {
        // Cached statements: a batch of appends compiles each SQL once, not once per record.
        try db.cachedStatement(
            sql: """
                INSERT INTO presentation (sequence, instant_ms, local_date, facility, kiosk, source, chip_verdict,
                    failed_checks, gateway_adapter, result_class, result_code, gateway_calls, latency_ms, subject,
                    recheck_of, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(
            arguments: [r.sequence, r.instantMilliseconds, r.localDate, r.facility, r.kiosk, r.source, r.chipVerdict,
                        r.failedChecks, r.gatewayAdapter, r.resultClass, r.resultCode, r.gatewayCalls,
                        r.latencyMilliseconds, r.subject, r.recheckOf, r.hash])
    }

    static func record(from row: Row) -> LedgerRecord {
        LedgerRecord(
            sequence: row["sequence"], instantMilliseconds: row["instant_ms"], localDate: row["local_date"],
            facility: row["facility"], kiosk: row["kiosk"], source: row["source"], chipVerdict: row["chip_verdict"],
            failedChecks: row["failed_checks"], gatewayAdapter: row["gateway_adapter"],
            resultClass: row["result_class"], resultCode: row["result_code"], gatewayCalls: row["gateway_calls"],
            latencyMilliseconds: row["latency_ms"], subject: row["subject"], recheckOf: row["recheck_of"],
            hash: row["hash"])
    }
}

/// The `rollup` (daily) and `rollup_month` tables, both updated in the append's transaction.
enum RollupTable {
    static func add(_ r: LedgerRecord, _ db: Database) throws {
        let isRecheck = r.recheckOf > 0 ? 1 : 0
        try db.cachedStatement(
            sql: """
                INSERT INTO rollup (local_date, facility, kiosk, source, chip_verdict, result_class, result_code,
                    is_recheck, records, gateway_calls, latency_ms)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)
                ON CONFLICT DO UPDATE SET records = records + 1,
                    gateway_calls = gateway_calls + excluded.gateway_calls,
                    latency_ms = latency_ms + excluded.latency_ms
                """
        ).execute(
            arguments: [r.localDate, r.facility, r.kiosk, r.source, r.chipVerdict, r.resultClass, r.resultCode,
                        isRecheck, r.gatewayCalls, r.latencyMilliseconds])
        try db.cachedStatement(
            sql: """
                INSERT INTO rollup_month (month, facility, source, chip_verdict, result_class, result_code,
                    is_recheck, records, gateway_calls, latency_ms)
                VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)
                ON CONFLICT DO UPDATE SET records = records + 1,
                    gateway_calls = gateway_calls + excluded.gateway_calls,
                    latency_ms = latency_ms + excluded.latency_ms
                """
        ).execute(
            arguments: [String(r.localDate.prefix(7)), r.facility, r.source, r.chipVerdict, r.resultClass,
                        r.resultCode, isRecheck, r.gatewayCalls, r.latencyMilliseconds])
    }
}
