import CCCDIdentity
import BHXHSimulator
import Eligibility
import EligibilityGateways
import Testing

/// The circuit breaker, the answer cache and chaining, around the real client and simulator.
@Suite struct ResilienceTests {
    @Test func theBreakerFailsFastDuringAnOutageThenProbesAndCloses() async throws {
        let clocks = ManualClocks()
        try await withGateway(Fixture.scenario()) { simulator, client in
            let breaker = CircuitBreaker(policy: .init(failureThreshold: 2, openDuration: .seconds(30)), now: clocks.monotonic)
            let gateway = CircuitBreakingGateway(
                BHXHEgwGateway(configuration: Fixture.configuration(simulator), httpClient: client), breaker: breaker)
            let query = try Fixture.query(Fixture.mau)
            #expect(await gateway.lookUp(query).outcome == .eligible)

            await simulator.setOutage(true)
            for _ in 0..<2 { #expect(await gateway.lookUp(query).problem?.kind == .httpStatus) }
            let checksWhenOpened = await simulator.cardCheckCount
            for _ in 0..<5 {
                let fast = await gateway.lookUp(query)
                #expect(fast.outcome == .transient)
                #expect(fast.problem?.kind == .circuitOpen)
                #expect(fast.gatewayCalls == 0)
            }
            #expect(await simulator.cardCheckCount == checksWhenOpened, "open breaker sends nothing")

            clocks.advance(by: .seconds(30))
            #expect(await gateway.lookUp(query).problem?.kind == .httpStatus, "the half-open probe reaches the gateway")
            #expect(breaker.admit() == .reject, "a failed probe re-opens")

            await simulator.setOutage(false)
            clocks.advance(by: .seconds(30))
            #expect(await gateway.lookUp(query).outcome == .eligible)
            #expect(breaker.currentState == .closed(consecutiveFailures: 0))
        }
    }

    @Test func theCacheServesRecentAnswersWithinItsWindowOnly() async throws {
        let clocks = ManualClocks()
        try await withGateway(Fixture.scenario()) { simulator, client in
            let cache = AnswerCache(window: .seconds(120), now: clocks.monotonic)
            let gateway = GatewayStack.resilient(
                BHXHEgwGateway(configuration: Fixture.configuration(simulator), httpClient: client),
                breaker: CircuitBreaker(now: clocks.monotonic), cache: cache)
            let query = try Fixture.query(Fixture.mau)
            let first = await gateway.lookUp(query)
            #expect(!first.servedFromCache)
            clocks.advance(by: .seconds(119))
            let second = await gateway.lookUp(query)
            #expect(second.servedFromCache)
            #expect(second.gatewayCalls == 0)
            #expect(second.outcome == first.outcome && second.card == first.card)
            #expect(await simulator.cardCheckCount == 1)
            clocks.advance(by: .seconds(1))
            #expect(await gateway.lookUp(query).servedFromCache == false)
            #expect(await simulator.cardCheckCount == 2)
        }
    }

    @Test func simultaneousIdenticalQuestionsMakeOneCallAndFailuresAreNotCached() async throws {
        let broken = Fixture.scriptedCard(code: "000", index: 4, fault: .html502)
        try await withGateway(Fixture.scenario(cards: [Fixture.mau, broken])) { simulator, client in
            let gateway = CachingGateway(BHXHEgwGateway(configuration: Fixture.configuration(simulator), httpClient: client),
                                         cache: AnswerCache(window: .seconds(60)))
            let query = try Fixture.query(Fixture.mau)
            let results = await withTaskGroup(of: EligibilityResult.self) { group in
                for _ in 0..<10 { group.addTask { await gateway.lookUp(query) } }
                return await group.reduce(into: []) { $0.append($1) }
            }
            #expect(results.allSatisfy { $0.outcome == .eligible })
            #expect(results.filter { !$0.servedFromCache }.count == 1)
            #expect(await simulator.cardCheckCount == 1)

            let failing = try Fixture.query(broken)
            _ = await gateway.lookUp(failing)
            _ = await gateway.lookUp(failing)
            #expect(await simulator.cardCheckCount == 1 + 4, "transient answers are asked again (2 tries each)")
        }
    }

    @Test func theFallbackAnswersOnlyWhenThePrimaryCannot() async throws {
        try await withGateway(Fixture.scenario()) { simulator, client in
            let chain = ChainedGateway(
                primary: BHXHEgwGateway(configuration: Fixture.configuration(simulator), httpClient: client),
                fallback: OfflineGateway())
            #expect(await chain.lookUp(try Fixture.query(Fixture.mau)).source == "bhxh-egw")
            let stranger = try EligibilityQuery(subject: LookupSubject(parsing: "001299000999"), fullName: "Đinh Văn Vắng",
                                                birthDate: .yearOnly(1999), visitDate: Fixture.today)
            #expect(await chain.lookUp(stranger).outcome == .notFound, "a real answer is not second-guessed")
            await simulator.setOutage(true)
            let down = await chain.lookUp(try Fixture.query(Fixture.mau))
            #expect(down.outcome == .skipped)
            #expect(down.source == "offline")
            #expect(down.fallbackReason?.kind == .httpStatus)
            #expect(down.fallbackReason?.httpStatus == 502)
            #expect(down.gatewayCalls == 2, "the primary's two attempts are counted in the chain's answer")
        }
    }
}
