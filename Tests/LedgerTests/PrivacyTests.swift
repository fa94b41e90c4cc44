import CCCDTestSupport
import Foundation
import Ledger
import Testing

@Suite("Privacy: no direct identifiers in the ledger file")
struct PrivacyTests {
    @Test("The SQLite file, its WAL and the exports contain none of the test identities' ID numbers")
    func noIdentifiersInFile() async throws {
        try await withTemporaryDirectory { folder in
            let ledger = try Fixtures.open(folder)
            for index in 0..<60 { try ledger.append(try Fixtures.presentation(index)) }
            let exports = try ExportFormat.allCases.map { try ledger.export(StatisticsQuery(), format: $0, at: Fixtures.morning) }
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("ledger.sqlite") }
            #expect(files.contains("ledger.sqlite"))
            var haystacks = try files.map { try Data(contentsOf: folder.appendingPathComponent($0)) }
            haystacks += exports
            for id in Fixtures.idNumbers {
                for bytes in haystacks {
                    #expect(bytes.range(of: Data(id.utf8)) == nil)
                }
            }
            // The pseudonym is there: repeat visits remain countable.
            let pseudonym = try Fixtures.pseudonymizer().pseudonym(of: Fixtures.idNumbers[0]).hex
            #expect(try ledger.records().filter { $0.subject == pseudonym }.count == 20)
        }
    }
}
