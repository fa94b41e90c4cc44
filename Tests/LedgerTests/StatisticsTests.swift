import CCCDTestSupport
import Foundation
import Ledger
import Testing

@Suite("Statistics: definitions, truncation, reconciliation, cross-check with sqlite3")
struct StatisticsTests {
    /// A tally with the province's counts (spec §7), as the rollups would sum them.
    static func tally(successful: Int64, failed: Int64, cccd: Int64 = 0, nonCCCD: Int64 = 0) -> Tally {
        var tally = Tally()
        tally.presentations = successful + failed
        tally.presentationsByClass = ["eligible": successful, "notFound": failed]
        tally.cccdPresentations = cccd
        return tally
    }

    @Test("Bắc Giang 2024: 2,256,623 of 2,643,321 is 85.37%, and the reported 95% is not supported")
    func bacGiang() throws {
        let figures = HeadlineFigures(Self.tally(successful: 2_256_623, failed: 2_643_321 - 2_256_623))
        #expect(figures.lookups == 2_643_321)
        #expect(figures.lookupSuccessRate.percentText == "85.37%")
        let claim = try Claim("95%")
        let result = Reconciliation(claim: claim, figures: figures)
        #expect(!result.supported)
        #expect(result.differenceHundredths == 962)  // 95 − 85.3707… = 9.6292… points, truncated
        #expect(result.numeratorNeeded == 2_511_155)  // ⌈0.95 × 2,643,321⌉
        #expect(Reconciliation(claim: try Claim("85.37%"), figures: figures).supported)
        #expect(Reconciliation(claim: try Claim("85%"), figures: figures).supported)
        #expect(!Reconciliation(claim: try Claim("85.4%"), figures: figures).supported)  // rounded up: no
        let counts = Reconciliation(claim: try Claim("85.37%", numerator: 2_256_623, denominator: 2_643_321), figures: figures)
        #expect(counts.supported && counts.numeratorMatches == true && counts.denominatorMatches == true)
        #expect(!Reconciliation(claim: try Claim("85.37%", numerator: 2_256_624), figures: figures).supported)
    }

    @Test("Bắc Kạn February 2024: 62.66% by CCCD and 90.66% retrieved; the published 62% and 90.6% are supported")
    func bacKan() throws {
        #expect(Rate(numerator: 27_634, denominator: 44_101).percentText == "62.66%")
        #expect(Rate(numerator: 25_054, denominator: 27_634).percentText == "90.66%")
        var tally = Tally()
        tally.presentations = 44_101
        tally.presentationsByClass = ["eligible": 44_101]
        tally.cccdPresentations = 27_634
        tally.cccdByClass = ["eligible": 25_054, "notFound": 27_634 - 25_054]
        let figures = HeadlineFigures(tally)
        #expect(Reconciliation(claim: try Claim("62%", figure: .cccdShare), figures: figures).supported)
        #expect(Reconciliation(claim: try Claim("90.6%", figure: .cccdLookupSuccessRate), figures: figures).supported)
        #expect(Reconciliation(claim: try Claim("90,66%", figure: .cccdLookupSuccessRate), figures: figures).supported)
    }

    @Test("Rates are truncated, never rounded up; empty denominators print a dash")
    func truncation() throws {
        #expect(Rate(numerator: 2, denominator: 3).percentText == "66.66%")
        #expect(Rate(numerator: 9_999, denominator: 10_000).percentText == "99.99%")
        #expect(Rate(numerator: 99_999, denominator: 100_000).percentText == "99.99%")
        #expect(Rate(numerator: 1, denominator: 1).percentText == "100.00%")
        #expect(Rate(numerator: 0, denominator: 0).percentText == "—")
        for bad in ["", "%", "abc", "101%", "95.123%", "-5%", "9 5%"] {
            #expect(throws: LedgerError.self, "\(bad)") { try Claim(bad) }
        }
    }

    @Test("Figures from the rollups equal an independent sqlite3 GROUP BY over the raw records")
    func crossCheckWithSQLite() async throws {
        try await withTemporaryLedger { ledger, folder in
            try Fixtures.fill(ledger, count: 3000, perDay: 400)
            let database = folder.appendingPathComponent("ledger.sqlite")
            guard let text = try await Fixtures.sqlite3(database, """
                SELECT
                  SUM(recheck_of = 0),
                  SUM(recheck_of = 0 AND result_class <> 'skipped'),
                  SUM(recheck_of = 0 AND result_class IN ('eligible','eligibleCheckDocuments','notEligible')),
                  SUM(recheck_of = 0 AND result_class IN ('eligible','eligibleCheckDocuments')),
                  SUM(recheck_of = 0 AND source IN ('chip','cccdQr','vneidQr')),
                  SUM(recheck_of <> 0)
                FROM presentation WHERE local_date BETWEEN '2024-02-02' AND '2024-02-05';
                """) else { return }
            let expected = text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "|").compactMap { Int64($0) }
            let report = try ledger.statistics(StatisticsQuery(from: "2024-02-02", to: "2024-02-05"))
            let h = report.headline
            #expect([h.presentations, h.lookups, h.successfulLookups, h.eligibilityRate.numerator, h.cccdShare.numerator, h.rechecks] == expected)
            #expect(h.presentations > 1000)

            // Failures by class and code, and per-day presentations.
            guard let failures = try await Fixtures.sqlite3(database, """
                SELECT result_class, result_code, COUNT(*) FROM presentation
                WHERE recheck_of = 0 AND local_date BETWEEN '2024-02-02' AND '2024-02-05'
                  AND result_class NOT IN ('eligible','eligibleCheckDocuments','notEligible','skipped')
                GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2;
                """) else { return }
            let ours = report.failures.map { "\($0.kind.resultClass)|\($0.kind.code)|\($0.count)" }.joined(separator: "\n")
            #expect(ours == failures.trimmingCharacters(in: .whitespacesAndNewlines))

            guard let latency = try await Fixtures.sqlite3(database, """
                SELECT latency_ms FROM presentation
                WHERE recheck_of = 0 AND result_class <> 'skipped' AND local_date BETWEEN '2024-02-02' AND '2024-02-05'
                ORDER BY latency_ms LIMIT 1 OFFSET (SELECT (COUNT(*) * 90 + 99) / 100 - 1 FROM presentation
                WHERE recheck_of = 0 AND result_class <> 'skipped' AND local_date BETWEEN '2024-02-02' AND '2024-02-05');
                """) else { return }
            #expect(report.latency?.p90 == Int64(latency.trimmingCharacters(in: .whitespacesAndNewlines)))

            let byDay = try ledger.statistics(StatisticsQuery(from: "2024-02-02", to: "2024-02-05", grouping: .day, includeLatency: false))
            #expect(byDay.groups.map(\.key) == ["2024-02-02", "2024-02-03", "2024-02-04", "2024-02-05"])
            #expect(byDay.groups.reduce(0) { $0 + $1.headline.presentations } == h.presentations)
        }
    }

    @Test("ISO weeks and other groupings")
    func groupings() async throws {
        try await withTemporaryLedger { ledger, _ in
            try Fixtures.fill(ledger, count: 600, perDay: 100)
            let weeks = try ledger.statistics(StatisticsQuery(grouping: .week, includeLatency: false))
            #expect(weeks.groups.map(\.key) == ["2024-W05", "2024-W06"])  // Thu 1 Feb … Wed 7 Feb 2024
            let months = try ledger.statistics(StatisticsQuery(grouping: .month, includeLatency: false))
            #expect(months.groups.map(\.key) == ["2024-02"])
            let kiosks = try ledger.statistics(StatisticsQuery(grouping: .kiosk, includeLatency: false))
            #expect(kiosks.groups.allSatisfy { $0.key.hasPrefix("240") && $0.key.contains("/kiosk-") })
            #expect(kiosks.groups.reduce(0) { $0 + $1.headline.presentations } == months.headline.presentations)
            let sources = try ledger.statistics(StatisticsQuery(grouping: .source, includeLatency: false))
            #expect(Set(sources.groups.map(\.key)).isSubset(of: Set(InputSource.allCases.map(\.rawValue))))
            #expect(throws: LedgerError.self) { try StatisticsQuery(from: "2024-02-10", to: "2024-02-01") }
            #expect(throws: LedgerError.self) { try StatisticsQuery(from: "1/2/2024") }
        }
    }
}
