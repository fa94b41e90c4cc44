import BHXHSimulator
import CCCDIdentity
import CCCDTestSupport
import Eligibility
import EligibilityGateways
import Foundation
import Ledger
import Testing

/// The re-check queue in the ledger's file: persisted across restarts, backoff, resolution through
/// the real client against bhxh-sim, and the answer appended as a new linked ledger record.
@Suite struct RecheckTests {
    let policy = RecheckPolicy(firstDelay: .seconds(60), factor: 2, maximumDelay: .seconds(600), maximumAttempts: 3)
    let deviceKey = DeviceKey()
    let secret = Data("recheck test site secret, invented".utf8)

    @Test func backoffGrowsAndIsCapped() {
        #expect(policy.delay(afterAttempt: 0) == .seconds(60))
        #expect(policy.delay(afterAttempt: 1) == .seconds(120))
        #expect(policy.delay(afterAttempt: 3) == .seconds(480))
        #expect(policy.delay(afterAttempt: 4) == .seconds(600))
        #expect(policy.delay(afterAttempt: 500) == .seconds(600))
    }

    /// The presentation whose lookup failed, as the daemon records it before queueing the re-check.
    func recordFailure(_ result: EligibilityResult, in ledger: Ledger, idNumber: String) throws -> LedgerRecord {
        try ledger.append(Presentation(
            result: result, instantMilliseconds: 1_795_000_000_000, facility: "01001", kiosk: "kiosk-1", source: .chip,
            chipVerdict: .authentic, subject: try SubjectPseudonymizer(secret: secret).pseudonym(of: idNumber)))
    }

    @Test func aTransientLookupSurvivesARestartAndIsAppendedAsALinkedRecordWhenTheGatewayRecovers() async throws {
        let clocks = ManualClocks()
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("ledger.sqlite").path
            try await withGateway(Fixture.scenario()) { simulator, client in
                let gateway = BHXHEgwGateway(configuration: Fixture.configuration(simulator), httpClient: client)
                let query = try Fixture.query(Fixture.mau)
                await simulator.setOutage(true)
                let failed = await gateway.lookUp(query)
                #expect(failed.outcome == .transient)

                // First run of the daemon: record, queue, stop (the ledger is closed when released).
                let (original, id) = try {
                    let ledger = try Ledger(path: path, signer: deviceKey)
                    let original = try recordFailure(failed, in: ledger, idNumber: Fixture.mau.cccd ?? "")
                    let id = try RecheckQueue(ledger: ledger, policy: policy, now: clocks.wall).enqueue(query, of: original.sequence, after: failed)
                    return (original, id)
                }()
                // A restart: the ledger and its queue are opened anew from the same file.
                let ledger = try Ledger(path: path, signer: deviceKey)
                let queue = RecheckQueue(ledger: ledger, policy: policy, now: clocks.wall)
                let worker = RecheckWorker(queue: queue, gateway: gateway)
                #expect(try await worker.runOnce() == .init(), "not due before the first delay")

                clocks.advance(by: .seconds(60))
                #expect(try queue.due().map(\.query) == [query])
                #expect(try queue.due().map(\.recordSequence) == [original.sequence])
                #expect(try await worker.runOnce().rescheduled == 1, "still down: rescheduled")
                #expect(try ledger.lastSequence() == original.sequence, "no record for an attempt that stays pending")
                clocks.advance(by: .seconds(60))
                #expect(try queue.due().isEmpty, "the second delay is longer")

                await simulator.setOutage(false)
                clocks.advance(by: .seconds(60))
                let pass = try await worker.runOnce()
                #expect(pass.resolved == 1)
                let answer = try #require(pass.answers.first)
                #expect(answer.result.card?.code == "GD4010190000123", "the card reaches the daemon in memory")
                #expect(answer.recordSequence == original.sequence)

                // A new record linked to the original, never an update of it.
                let records = try ledger.records()
                #expect(records.count == 2)
                #expect(records.first == original)
                let linked = try #require(records.last)
                #expect(linked == answer.linkedRecord)
                #expect(linked.recheckOf == original.sequence)
                #expect(linked.resultClass == "eligible" && linked.resultCode == "000")
                #expect(linked.subject == original.subject && linked.facility == "01001" && linked.source == "chip")
                #expect(try ledger.verify().isIntact)
                #expect(try ledger.statistics(StatisticsQuery(includeLatency: false)).tally.rechecksByClass == ["eligible": 1])

                #expect(try queue.resolution(of: id) == RecheckResolution(
                    recordSequence: original.sequence, state: .resolved, outcome: .eligible, resultCode: "000",
                    attempts: 2, linkedSequence: linked.sequence))
                #expect(try queue.count(in: .pending) == 0)
            }
            // Name, date of birth, ID number and card code are not in the file once resolved.
            let text = try [path, path + "-wal"].filter { FileManager.default.fileExists(atPath: $0) }
                .map { String(decoding: try Data(contentsOf: URL(fileURLWithPath: $0)), as: UTF8.self) }.joined()
            for personal in [Fixture.mau.hoTen, Fixture.mau.ngaySinh, Fixture.mau.maThe] + [Fixture.mau.cccd].compactMap(\.self) {
                #expect(!text.contains(personal), "\(personal.count)-character personal value left in the ledger file")
            }
        }
    }

    @Test func entriesAreAbandonedWhenAttemptsRunOutAndTheGiveUpIsRecorded() async throws {
        let clocks = ManualClocks()
        try await withTemporaryDirectory { directory in
            let ledger = try Ledger(path: directory.appendingPathComponent("ledger.sqlite").path, signer: deviceKey)
            let queue = RecheckQueue(ledger: ledger, policy: policy, now: clocks.wall)
            let query = try Fixture.query(Fixture.mau)
            let offline = OfflineGateway()
            let skipped = await offline.lookUp(query)
            let original = try recordFailure(skipped, in: ledger, idNumber: Fixture.mau.cccd ?? "")
            let id = try queue.enqueue(query, of: original.sequence, after: skipped)
            let worker = RecheckWorker(queue: queue, gateway: offline)
            var passes: [RecheckWorker.Pass] = []
            for _ in 0..<5 {
                clocks.advance(by: .seconds(600))
                passes.append(try await worker.runOnce())
            }
            #expect(passes.map(\.rescheduled) == [1, 1, 0, 0, 0])
            #expect(passes.map(\.abandoned) == [0, 0, 1, 0, 0])
            let resolution = try queue.resolution(of: id)
            #expect(resolution.state == .abandoned)
            #expect(resolution.outcome == nil)
            #expect(resolution.attempts == 3)
            let linked = try #require(try ledger.records().last)
            #expect(resolution.linkedSequence == linked.sequence)
            #expect(linked.recheckOf == original.sequence && linked.resultClass == "skipped")
        }
    }

    @Test func aReCheckOfAnUnknownRecordIsRefused() async throws {
        try await withTemporaryDirectory { directory in
            let ledger = try Ledger(path: directory.appendingPathComponent("ledger.sqlite").path, signer: deviceKey)
            let query = try Fixture.query(Fixture.mau)
            let skipped = await OfflineGateway().lookUp(query)
            #expect(throws: LedgerError(.unknownRecheckTarget, diagnostic: "sequence 7")) {
                try RecheckQueue(ledger: ledger).enqueue(query, of: 7, after: skipped)
            }
            #expect(throws: LedgerError(.unknownRecheckEntry, diagnostic: "42")) {
                try RecheckQueue(ledger: ledger).record(skipped, for: 42)
            }
        }
    }
}
