import CCCDTestSupport
import Foundation
import Ledger
import Testing

@Suite("Retention: prune raw records only after rollup and checkpoint, chain still verifiable")
struct RetentionTests {
    @Test("Pruning keeps statistics, keeps verification intact, and later appends chain on")
    func prune() async throws {
        try await withTemporaryLedger { ledger, _ in
            let last = try #require(try Fixtures.fill(ledger, count: 1000, perDay: 200))  // ~5 days from 2024-02-01
            let before = try ledger.statistics(StatisticsQuery(includeLatency: false))
            let earlier = try ledger.writeCheckpoint(at: Fixtures.morning)
            let inside = try #require(try ledger.checkpoints().first { $0.sequence == 100 })
            // Keep two days before the last record's day.
            let report = try ledger.prune(keepingDays: 2, now: last.instantMilliseconds)
            #expect(report.prunedRecords > 0)
            #expect(try ledger.records().first?.sequence == report.anchorSequence + 1)
            let after = try ledger.statistics(StatisticsQuery(includeLatency: false))
            #expect(after.headline == before.headline)
            #expect(try ledger.verify().isIntact)
            #expect(try ledger.verify(against: earlier).isIntact)
            #expect(try ledger.verify(against: inside).isIntact)  // inside the pruned prefix: matched by the stored checkpoint
            var generator = try SamplePresentations(seed: 99)
            try ledger.append(generator.next(after: nil))
            #expect(try ledger.verify().isIntact)
            #expect(try ledger.prune(keepingDays: 2, now: last.instantMilliseconds).prunedRecords == 0)
        }
    }

    @Test("A forged pruned-prefix anchor is detected")
    func forgedAnchor() async throws {
        try await withTemporaryLedger { ledger, folder in
            let last = try #require(try Fixtures.fill(ledger, count: 600, perDay: 200))
            try ledger.prune(keepingDays: 1, now: last.instantMilliseconds)
            let database = folder.appendingPathComponent("ledger.sqlite")
            guard try await Fixtures.sqlite3(database, "UPDATE chain_anchor SET head = zeroblob(32);") != nil else { return }
            #expect(try ledger.verify().breakReason == .anchorUnverified)
        }
    }
}
