import CCCDIdentity
import AsyncHTTPClient
import BHXHSimulator
import Eligibility
import EligibilityGateways
import Testing

/// Transport failures: HTML 5xx, garbage, timeouts, throttling, refused connections.
@Suite struct EgwFailureTests {
    @Test(arguments: [
        (ScenarioCard.Fault.html502, GatewayProblem.Kind.httpStatus, 502),
        (.http500, .httpStatus, 500),
        (.garbage, .unreadableAnswer, 200),
        // A parsable answer under a status the gateway never sends is not believed.
        (.http418, .httpStatus, 418),
    ])
    func badAnswersAreTransientAndRetriedOnce(fault: ScenarioCard.Fault, kind: GatewayProblem.Kind, status: Int) async throws {
        let card = Fixture.scriptedCard(code: "000", index: 2, fault: fault)
        try await withGateway(Fixture.scenario(cards: [card])) { simulator, client in
            let gateway = BHXHEgwGateway(configuration: Fixture.configuration(simulator), httpClient: client)
            let result = await gateway.lookUp(try Fixture.query(card))
            #expect(result.outcome == .transient)
            #expect(result.problem?.kind == kind)
            #expect(result.problem?.httpStatus == status)
            #expect(await simulator.cardCheckCount == 2)
        }
    }

    @Test func aStalledGatewayTimesOutAndIsRetriedOnce() async throws {
        let card = Fixture.scriptedCard(code: "000", index: 3, fault: .timeout)
        try await withGateway(Fixture.scenario(cards: [card])) { simulator, client in
            let gateway = BHXHEgwGateway(configuration: Fixture.configuration(simulator, timeout: .milliseconds(1500)),
                                         httpClient: client)
            let result = await gateway.lookUp(try Fixture.query(card))
            #expect(result.outcome == .transient)
            #expect(result.problem?.kind == .timeout)
            #expect(result.gatewayCalls == 2)
            #expect(await simulator.cardCheckCount == 2)
        }
    }

    @Test func aBodyTricklingPastTheTimeoutTimesOutLikeAStall() async throws {
        let card = Fixture.scriptedCard(code: "000", index: 3, fault: .slowBody)
        try await withGateway(Fixture.scenario(cards: [card])) { simulator, client in
            let gateway = BHXHEgwGateway(configuration: Fixture.configuration(simulator, timeout: .milliseconds(800)),
                                         httpClient: client)
            let started = ContinuousClock.now
            let result = await gateway.lookUp(try Fixture.query(card))
            #expect(result.outcome == .transient)
            #expect(result.problem?.kind == .timeout)
            #expect(result.gatewayCalls == 2)
            // Two attempts of 0.8 s each, not the hour the body would take.
            #expect(ContinuousClock.now - started < .seconds(10))
        }
    }

    @Test func eligibleNamingNoCardGoesToAPerson() async throws {
        let card = Fixture.scriptedCard(code: "000", index: 3, fault: .eligibleWithoutCard)
        try await withGateway(Fixture.scenario(cards: [card])) { simulator, client in
            let gateway = BHXHEgwGateway(configuration: Fixture.configuration(simulator), httpClient: client)
            let result = await gateway.lookUp(try Fixture.query(card))
            #expect(result.resultCode == "000")
            #expect(result.outcome == .manualReview)
            #expect(result.card == nil)
        }
    }

    @Test func throttlingIsTransient() async throws {
        try await withGateway(Fixture.scenario { $0.requestsPerMinutePerAccount = 1 }) { simulator, client in
            let gateway = BHXHEgwGateway(configuration: Fixture.configuration(simulator), httpClient: client)
            #expect(await gateway.lookUp(try Fixture.query(Fixture.mau)).outcome == .eligible)
            let throttled = await gateway.lookUp(try Fixture.query(Fixture.thu))
            #expect(throttled.outcome == .transient)
            #expect(throttled.problem?.kind == .throttled)
        }
    }

    @Test func aClosedPortIsUnreachable() async throws {
        // Start a simulator to learn a free port, stop it, then point the client at the dead port.
        let simulator = try await BHXHSimulator.start(scenario: Fixture.scenario())
        let configuration = Fixture.configuration(simulator)
        await simulator.stop()
        let client = HTTPClient.eligibilityClient(connectTimeout: .seconds(2))
        let result = await BHXHEgwGateway(configuration: configuration, httpClient: client).lookUp(try Fixture.query(Fixture.mau))
        try await client.shutdown()
        #expect(result.outcome == .transient)
        #expect(result.problem?.kind == .unreachable)
    }
}

/// HTTP 403 (source address not registered with BHXH) is a configuration error, never retried.
@Suite struct EgwAccessTests {
    @Test func anUnregisteredAddressIsAConfigurationErrorWithoutRetry() async throws {
        try await withGateway(Fixture.scenario { $0.registeredAddresses = ["10.9.9.9"] }) { simulator, client in
            let gateway = BHXHEgwGateway(configuration: Fixture.configuration(simulator), httpClient: client)
            let result = await gateway.lookUp(try Fixture.query(Fixture.mau))
            #expect(result.outcome == .configurationError)
            #expect(result.problem?.kind == .accessDenied)
            #expect(result.problem?.httpStatus == 403)
            #expect(await simulator.requests().count == 1, "one login attempt, not retried")
            let probe = await gateway.probe()
            #expect(probe.verdict == .permissionRefused)
        }
        try await withGateway(Fixture.scenario { $0.registeredAddresses = ["127.0.0.1"] }) { simulator, client in
            let gateway = BHXHEgwGateway(configuration: Fixture.configuration(simulator), httpClient: client)
            let registered = await gateway.lookUp(try Fixture.query(Fixture.mau))
            #expect(registered.outcome == .eligible)
        }
    }
}
