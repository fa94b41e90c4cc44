import CCCDTestSupport
import Eligibility
import Foundation
import Ledger
import Testing

/// The record of a lookup that got no answer and its re-check entry are one transaction
/// (`RecheckQueue.append(_:queueing:after:)`): the soak run's "no re-check lost" invariant across
/// SIGKILLs. Before, the daemon appended the record and queued the entry in two commits, and a kill
/// between them kept a record nobody would ever re-check.
@Suite struct RecheckAtomicTests {
    let deviceKey = DeviceKey()

    func presentation(_ result: EligibilityResult, kiosk: String = "kiosk-1") -> Presentation {
        Presentation(result: result, instantMilliseconds: 1_795_000_000_000, facility: "01001", kiosk: kiosk, source: .bhytQr,
                     chipVerdict: .notRead, subject: nil)
    }

    @Test("the record and its pending entry commit together; a record the rules refuse leaves no entry either")
    func recordAndEntryCommitTogether() async throws {
        try await withTemporaryDirectory { directory in
            let ledger = try Ledger(path: directory.appendingPathComponent("ledger.sqlite").path, signer: deviceKey)
            let queue = RecheckQueue(ledger: ledger)
            let query = try Fixture.query(Fixture.mau)
            let skipped = await OfflineGateway().lookUp(query)
            #expect(skipped.outcome == .skipped)

            let record = try queue.append(presentation(skipped), queueing: query, after: skipped)
            #expect(try ledger.records() == [record])
            #expect(try queue.count(in: .pending) == 1)
            #expect(try queue.resolution(of: 1).recordSequence == record.sequence)

            #expect(throws: LedgerError.self) {
                try queue.append(presentation(skipped, kiosk: "not an identifier"), queueing: query, after: skipped)
            }
            #expect(try ledger.records().count == 1)
            #expect(try queue.count(in: .pending) == 1)
            #expect(try ledger.verify().isIntact)
        }
    }
}
