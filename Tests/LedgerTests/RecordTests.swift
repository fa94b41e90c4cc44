import Foundation
import Ledger
import Testing

@Suite("The record: local dates, pseudonyms, validation")
struct RecordTests {
    @Test("Local date uses the facility's offset: 17:30 UTC is the next day in Vietnam")
    func localDate() {
        // 2024-02-29 17:30 UTC = 2024-03-01 00:30 +07:00
        #expect(FacilityClock.vietnam.localDate(ofMilliseconds: 1_709_227_800_000) == "2024-03-01")
        #expect(FacilityClock(offsetSeconds: 0).localDate(ofMilliseconds: 1_709_227_800_000) == "2024-02-29")
        #expect(FacilityClock.vietnam.localDate(ofMilliseconds: 0) == "1970-01-01")
        #expect(FacilityClock.days(of: "2024-02-30") == nil)
        #expect(FacilityClock.days(of: "2024-13-01") == nil)
        #expect(FacilityClock.days(of: "24-01-01") == nil)
        #expect(FacilityClock.date(ofDays: FacilityClock.days(of: "2024-02-29")!) == "2024-02-29")
    }

    @Test("Pseudonyms are keyed, normalised and never contain the ID number")
    func pseudonyms() throws {
        let a = try Fixtures.pseudonymizer()
        let b = try SubjectPseudonymizer(secret: Data("another site's secret, 32 bytes..".utf8))
        let id = Fixtures.idNumbers[0]
        #expect(a.pseudonym(of: id) == a.pseudonym(of: "999 123-456.789"))
        #expect(a.pseudonym(of: id) != b.pseudonym(of: id))
        #expect(a.pseudonym(of: id).hex.count == 64)
        #expect(!a.pseudonym(of: id).hex.contains(id))
        #expect(throws: LedgerError(.siteSecretTooShort)) { try SubjectPseudonymizer(secret: Data("short".utf8)) }
    }

    @Test("A presentation breaking a rule is refused whole; nothing is stored")
    func validation() async throws {
        try await withTemporaryLedger { ledger, _ in
            var bad = try Fixtures.presentation(0)
            bad.facility = "24 001"
            #expect(throws: LedgerError.self) { try ledger.append(bad) }
            bad = try Fixtures.presentation(0)
            bad.failedChecks = ["a,b"]
            #expect(throws: LedgerError.self) { try ledger.append(bad) }
            bad = try Fixtures.presentation(0)
            bad.latencyMilliseconds = -1
            #expect(throws: LedgerError.self) { try ledger.append(bad) }
            #expect(throws: LedgerError(.unknownRecheckTarget, diagnostic: "sequence 5")) {
                try ledger.append(try Fixtures.presentation(0, recheckOf: 5))
            }
            #expect(try ledger.lastSequence() == 0)
        }
    }

    @Test("A re-check is a new record linked to the presentation it re-checks")
    func recheckIsLinkedRecord() async throws {
        try await withTemporaryLedger { ledger, _ in
            let first = try ledger.append(try Fixtures.presentation(0, outcome: .transient, code: nil))
            let recheck = try ledger.append(try Fixtures.presentation(1, outcome: .eligible, recheckOf: first.sequence))
            let records = try ledger.records()
            #expect(records.count == 2)
            #expect(records[0].resultClass == "transient")  // unchanged
            #expect(recheck.recheckOf == first.sequence)
            let stats = try ledger.statistics(StatisticsQuery())
            #expect(stats.headline.presentations == 1)
            #expect(stats.headline.rechecks == 1)
            #expect(stats.tally.rechecksByClass == ["eligible": 1])
        }
    }
}

/// A fresh ledger in a temporary folder.
func withTemporaryLedger(every: Int64 = 10, _ body: (Ledger, URL) async throws -> Void) async throws {
    try await withTemporaryDirectory { folder in
        try await body(try Fixtures.open(folder, every: every), folder)
    }
}

import CCCDTestSupport
