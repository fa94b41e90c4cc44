import CCCDTestSupport
import Foundation
import Ledger

/// The ledger after the run, read as an auditor reads it (read-only, the daemon stopped): the
/// acknowledged presentations against the records, the chain by `cccdctl ledger verify`, and the
/// re-check queue against the records that needed one.
struct LedgerAudit {
    var records: [LedgerRecord]
    var chainReport: String
    var chainIntact: Bool
    /// `record_sequence|state|linked_sequence` of every re-check row.
    var recheckRows: [(record: Int64, state: String, linked: Int64?)]

    static func read(ledger path: String, deviceKey: String) async throws -> LedgerAudit {
        let records = try Ledger(readOnlyAt: path, publicKey: nil).records()
        let verify = try await runProcess(BuiltProducts.executable("cccdctl"),
                                          ["ledger", "verify", "--ledger", path, "--device-key", deviceKey], timeout: .seconds(300))
        let rows = try await runProcess(which("sqlite3") ?? URL(fileURLWithPath: "/usr/bin/sqlite3"),
                                        ["-readonly", path, "SELECT record_sequence, state, IFNULL(linked_sequence, '') FROM recheck"])
        guard rows.status == 0 else { throw SoakFailure("sqlite3 could not read the re-check queue: \(rows.stderrText)") }
        let parsed = rows.stdoutText.split(separator: "\n").compactMap { line -> (record: Int64, state: String, linked: Int64?)? in
            let fields = line.split(separator: "|", omittingEmptySubsequences: false)
            guard fields.count == 3, let record = Int64(fields[0]) else { return nil }
            return (record, String(fields[1]), Int64(fields[2]))
        }
        return LedgerAudit(records: records, chainReport: (verify.stdoutText + verify.stderrText).trimmingCharacters(in: .whitespacesAndNewlines),
                           chainIntact: verify.status == 0, recheckRows: parsed)
    }

    /// Acknowledged presentations with no record: matched on the session's start instant (the
    /// record's instant, ±1 ms for the ISO text's rounding) and its input source.
    func missing(_ acknowledged: [FeedEvent]) -> [FeedEvent] {
        var unused: [String: [Int64]] = [:]
        for record in records where record.recheckOf == 0 {
            unused[record.source, default: []].append(record.instantMilliseconds)
        }
        let parser = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        return acknowledged.filter { event in
            guard let text = event.startedAt, let source = event.source, let date = try? parser.parse(text) else { return true }
            let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
            guard let index = unused[source]?.firstIndex(where: { abs($0 - milliseconds) <= 1 }) else { return true }
            unused[source]?.remove(at: index)
            return false
        }
    }

    /// First lookups that got no answer and have no re-check entry (queued, resolved or abandoned).
    var lostRechecks: [Int64] {
        let queued = Set(recheckRows.map(\.record))
        return records.filter { $0.recheckOf == 0 && $0.outcome?.isDefinitive == false && !queued.contains($0.sequence) }.map(\.sequence)
    }

    /// Entries closed without their linked record, or linked to a record that is not their re-check.
    var brokenRecheckLinks: [Int64] {
        let bySequence = Dictionary(records.map { ($0.sequence, $0) }, uniquingKeysWith: { first, _ in first })
        return recheckRows.filter { row in
            guard row.state != "pending" else { return false }
            guard let linked = row.linked, let record = bySequence[linked] else { return true }
            return record.recheckOf != row.record
        }.map(\.record)
    }

    func rechecks(in state: String) -> Int { recheckRows.filter { $0.state == state }.count }
}
