import CCCDIdentity
import Eligibility
import Testing

/// The table of spec §4, restated independently of the implementation's table.
let specTable: [(code: String, disposition: ResultDisposition)] = [
    ("000", .classify(.eligible)), ("001", .classify(.eligibleCheckDocuments)),
    ("002", .classify(.eligibleCheckDocuments)), ("003", .requeryWithNewCard), ("004", .judgeOnVisitDate),
    ("010", .classify(.notEligible)), ("050", .classify(.notFound)), ("051", .classify(.badInput)),
    ("052", .classify(.badInput)), ("053", .classify(.badInput)), ("054", .classify(.configurationError)),
    ("055", .classify(.configurationError)), ("060", .classify(.demographicMismatch)),
    ("061", .classify(.demographicMismatch)), ("070", .classify(.demographicMismatch)),
    ("100", .classify(.transient)), ("101", .classify(.transient)), ("110", .classify(.notEligible)),
    ("120", .classify(.notEligible)), ("121", .classify(.notEligible)), ("122", .classify(.notEligible)),
    ("123", .classify(.notEligible)), ("124", .classify(.notEligible)), ("130", .classify(.manualReview)),
    ("205", .classify(.badInput)), ("401", .reauthenticate), ("500", .classify(.transient)),
]

@Suite struct ResultCodeTableTests {
    @Test func everySpecCodeHasTheSpecDisposition() {
        let table = ResultCodeTable.bhxh2024
        for row in specTable {
            #expect(table.rule(for: row.code).disposition == row.disposition, "code \(row.code)")
        }
        #expect(table.rules.count == specTable.count)
    }

    @Test func everyMeaningIsBilingual() {
        for rule in ResultCodeTable.bhxh2024.rules.values {
            #expect(!rule.meaning.vi.isEmpty && !rule.meaning.en.isEmpty && rule.meaning.vi != rule.meaning.en)
        }
    }

    @Test func unknownCodesGoToAPerson() {
        #expect(ResultCodeTable.bhxh2024.rule(for: "999").disposition == .classify(.manualReview))
        #expect(ResultCodeTable.bhxh2024.rule(for: "").disposition == .classify(.manualReview))
    }
}
