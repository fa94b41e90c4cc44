import BHXHSimulator
import CCCDIdentity
import CCCDTestSupport
import Eligibility
import EligibilityGateways
import EligibilityRecheck
import Foundation
import Testing

/// The re-check queue: persisted across restarts, backoff, resolution through the real client.
@Suite struct RecheckTests {
    let policy = RecheckPolicy(firstDelay: .seconds(60), factor: 2, maximumDelay: .seconds(600), maximumAttempts: 3)

    @Test func backoffGrowsAndIsCapped() {
        #expect(policy.delay(afterAttempt: 0) == .seconds(60))
        #expect(policy.delay(afterAttempt: 1) == .seconds(120))
        #expect(policy.delay(afterAttempt: 3) == .seconds(480))
        #expect(policy.delay(afterAttempt: 4) == .seconds(600))
        #expect(policy.delay(afterAttempt: 500) == .seconds(600))
    }

    @Test func aTransientLookupSurvivesARestartAndIsResolvedWhenTheGatewayRecovers() async throws {
        let clocks = ManualClocks()
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("recheck.sqlite").path
            try await withGateway(Fixture.scenario()) { simulator, client in
                let gateway = BHXHEgwGateway(configuration: Fixture.configuration(simulator), httpClient: client)
                let query = try Fixture.query(Fixture.mau)
                await simulator.setOutage(true)
                let failed = await gateway.lookUp(query)
                #expect(failed.outcome == .transient)

                let id = try RecheckQueue(path: path, policy: policy, now: clocks.wall)
                    .enqueue(query, reference: "visit-0001", after: failed)
                // A restart: the queue is opened anew from the same file.
                let queue = try RecheckQueue(path: path, policy: policy, now: clocks.wall)
                let worker = RecheckWorker(queue: queue, gateway: gateway)
                #expect(try await worker.runOnce() == .init(), "not due before the first delay")

                clocks.advance(by: .seconds(60))
                #expect(try queue.due().map(\.query) == [query])
                #expect(try await worker.runOnce().rescheduled == 1, "still down: rescheduled")
                clocks.advance(by: .seconds(60))
                #expect(try queue.due().isEmpty, "the second delay is longer")

                await simulator.setOutage(false)
                clocks.advance(by: .seconds(60))
                #expect(try await worker.runOnce().resolved == 1)
                let resolution = try queue.resolution(of: id)
                #expect(resolution == RecheckResolution(reference: "visit-0001", state: .resolved, outcome: .eligible,
                                                        resultCode: "000", cardCode: "GD4010190000123", attempts: 2))
                #expect(try queue.count(in: .pending) == 0)
            }
            // Name and date of birth are gone from the file once resolved.
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(!text.contains(Fixture.mau.hoTen))
            #expect(!text.contains(Fixture.mau.ngaySinh))
        }
    }

    @Test func entriesAreAbandonedWhenAttemptsRunOut() async throws {
        let clocks = ManualClocks()
        try await withTemporaryDirectory { directory in
            let queue = try RecheckQueue(path: directory.appendingPathComponent("q.sqlite").path, policy: policy, now: clocks.wall)
            let query = try Fixture.query(Fixture.mau)
            let offline = OfflineGateway()
            let id = try queue.enqueue(query, reference: "visit-0002", after: await offline.lookUp(query))
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
        }
    }

    @Test func anUnopenableStoreIsATypedError() {
        #expect(throws: RecheckStoreError(.unavailable, diagnostic: "/nonexistent-dir/q.sqlite")) {
            try RecheckQueue(path: "/nonexistent-dir/q.sqlite")
        }
    }
}
