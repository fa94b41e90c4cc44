import CCCDTestSupport
import Foundation
import Ledger
import Testing

@Suite("The monthly rollup: kept with the append, built by the migration, used for whole months")
struct MonthlyRollupTests {
    /// Headline counts for a period, computed by sqlite3 from the raw records.
    static func headlineSQL(_ from: String, _ to: String) -> String {
        """
        SELECT SUM(recheck_of = 0), SUM(recheck_of = 0 AND result_class <> 'skipped'),
          SUM(recheck_of = 0 AND result_class IN ('eligible','eligibleCheckDocuments','notEligible')),
          SUM(recheck_of = 0 AND source IN ('chip','cccdQr','vneidQr')), SUM(recheck_of <> 0), SUM(gateway_calls)
        FROM presentation WHERE local_date BETWEEN '\(from)' AND '\(to)';
        """
    }

    static func ours(_ report: StatisticsReport) -> [Int64] {
        let h = report.headline
        return [h.presentations, h.lookups, h.successfulLookups, h.cccdShare.numerator, h.rechecks, report.tally.gatewayCalls]
    }

    static func numbers(_ text: String) -> [Int64] {
        text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "|").compactMap { Int64($0) }
    }

    @Test("Whole months, edge days and both together equal sqlite3's GROUP BY over the raw records, for every grouping")
    func crossCheck() async throws {
        try await withTemporaryLedger(every: 1000) { ledger, folder in
            // 100 a day from 2024-02-01: February, March and part of April.
            try Fixtures.fill(ledger, count: 7000, perDay: 100)
            let database = folder.appendingPathComponent("ledger.sqlite")
            let periods: [(String, String)] = [
                ("2024-02-01", "2024-03-31"), ("2024-02-10", "2024-03-31"), ("2024-02-01", "2024-03-20"),
                ("2024-02-10", "2024-04-05"), ("2024-02-03", "2024-02-27"), ("2024-02-29", "2024-03-01"),
            ]
            for (from, to) in periods {
                guard let text = try await Fixtures.sqlite3(database, Self.headlineSQL(from, to)) else { return }
                let report = try ledger.statistics(StatisticsQuery(from: from, to: to, includeLatency: false))
                #expect(Self.ours(report) == Self.numbers(text), "\(from)…\(to)")
                #expect(report.headline.presentations > 0)
                for grouping in StatisticsQuery.Grouping.allCases {
                    let grouped = try ledger.statistics(StatisticsQuery(from: from, to: to, grouping: grouping, includeLatency: false))
                    #expect(grouped.headline == report.headline, "\(from)…\(to) by \(grouping)")
                    #expect(grouped.groups.reduce(0) { $0 + $1.tally.presentations } == report.headline.presentations)
                }
            }
            // Per facility and per month, as sqlite3 counts them.
            guard let facilities = try await Fixtures.sqlite3(database, """
                SELECT facility, COUNT(*) FROM presentation WHERE recheck_of = 0 AND local_date BETWEEN '2024-02-10' AND '2024-04-05'
                GROUP BY 1 ORDER BY 1;
                """),
                let months = try await Fixtures.sqlite3(database, """
                SELECT substr(local_date, 1, 7), COUNT(*) FROM presentation WHERE recheck_of = 0 GROUP BY 1 ORDER BY 1;
                """) else { return }
            let byFacility = try ledger.statistics(StatisticsQuery(from: "2024-02-10", to: "2024-04-05", grouping: .facility, includeLatency: false))
            #expect(byFacility.groups.map { "\($0.key)|\($0.tally.presentations)" }.joined(separator: "\n")
                    == facilities.trimmingCharacters(in: .whitespacesAndNewlines))
            let byMonth = try ledger.statistics(StatisticsQuery(grouping: .month, includeLatency: false))
            #expect(byMonth.groups.map { "\($0.key)|\($0.tally.presentations)" }.joined(separator: "\n")
                    == months.trimmingCharacters(in: .whitespacesAndNewlines))
            #expect(byMonth.groups.map(\.key) == ["2024-02", "2024-03", "2024-04"])
        }
    }

    @Test("A ledger from before the monthly rollup: read-only it is answered from the daily rollup; opened, the migration builds the monthly one from the daily one")
    func migration() async throws {
        try await withTemporaryDirectory { folder in
            let key = DeviceKey()
            let path = folder.appendingPathComponent("ledger.sqlite").path
            try {
                let ledger = try Fixtures.open(folder, key: key, every: 1000)
                try Fixtures.fill(ledger, count: 4000, perDay: 100)
            }()
            // Back to the v2 schema, as a ledger written by the previous release.
            guard try await Fixtures.sqlite3(folder.appendingPathComponent("ledger.sqlite"), """
                DROP TABLE rollup_month; DROP TABLE recheck;
                CREATE INDEX rollup_by_outcome ON rollup (source, chip_verdict, result_class, result_code, is_recheck,
                    local_date, records, gateway_calls, latency_ms);
                DELETE FROM grdb_migrations WHERE identifier IN ('ledger.v3.monthly-rollup', 'ledger.v4.recheck-queue');
                """) != nil else { return }
            let query = try StatisticsQuery(from: "2024-02-05", to: "2024-03-20", includeLatency: false)
            let old = try Ledger(readOnlyAt: path, publicKey: key.publicKey).statistics(query)

            let migrated = try Fixtures.open(folder, key: key, every: 1000)
            #expect(try migrated.statistics(query).headline == old.headline)
            #expect(try migrated.verify().isIntact)
            guard let fromRaw = try await Fixtures.sqlite3(folder.appendingPathComponent("ledger.sqlite"), """
                SELECT substr(local_date, 1, 7), facility, source, chip_verdict, result_class, result_code, recheck_of > 0,
                       COUNT(*), SUM(gateway_calls), SUM(latency_ms)
                FROM presentation GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7;
                """),
                let monthly = try await Fixtures.sqlite3(folder.appendingPathComponent("ledger.sqlite"), """
                SELECT * FROM rollup_month ORDER BY 1, 2, 3, 4, 5, 6, 7;
                """) else { return }
            #expect(monthly == fromRaw)
            #expect(fromRaw.split(separator: "\n").count > 50)
        }
    }
}
