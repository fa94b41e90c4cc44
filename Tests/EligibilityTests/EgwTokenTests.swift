import CCCDIdentity
import BHXHSimulator
import Eligibility
import EligibilityGateways
import Testing

/// The token flow of spec §2: one login in flight, refresh before expiry, one re-login on 401.
@Suite struct EgwTokenTests {
    /// Runs `count` lookups of the same person at once and returns their outcomes.
    func concurrentLookups(_ gateway: BHXHEgwGateway, count: Int) async throws -> [EligibilityClass] {
        let query = try Fixture.query(Fixture.mau)
        return await withTaskGroup(of: EligibilityClass.self) { group in
            for _ in 0..<count { group.addTask { await gateway.lookUp(query).outcome } }
            return await group.reduce(into: []) { $0.append($1) }
        }
    }

    @Test func concurrentLookupsShareOneLogin() async throws {
        try await withGateway(Fixture.scenario()) { simulator, client in
            let gateway = BHXHEgwGateway(configuration: Fixture.configuration(simulator), httpClient: client)
            let outcomes = try await concurrentLookups(gateway, count: 25)
            #expect(outcomes == Array(repeating: .eligible, count: 25))
            #expect(await simulator.loginCount == 1)
            #expect(await simulator.cardCheckCount == 25)
        }
    }

    @Test func theTokenIsRefreshedBeforeExpiryWithOneLoginForConcurrentLookups() async throws {
        let clocks = ManualClocks()
        try await withGateway(Fixture.scenario()) { simulator, client in
            let gateway = BHXHEgwGateway(configuration: Fixture.configuration(simulator), httpClient: client,
                                         wallClock: clocks.wall)
            _ = try await concurrentLookups(gateway, count: 5)
            #expect(await simulator.loginCount == 1)
            // 530 s into a 600 s token: still outside the 60 s refresh margin.
            clocks.advance(by: .seconds(530))
            _ = try await concurrentLookups(gateway, count: 5)
            #expect(await simulator.loginCount == 1)
            // 590 s: inside the margin (the expiry is read to about a second through the `Date`
            // header), so the next burst logs in once, before the server would refuse the token.
            clocks.advance(by: .seconds(60))
            let outcomes = try await concurrentLookups(gateway, count: 30)
            #expect(outcomes.allSatisfy { $0 == .eligible })
            #expect(await simulator.loginCount == 2)
        }
    }

    @Test(arguments: [Scenario.AuthFailureStyle.body, .status])
    func tokensRefusedMidRunCauseExactlyOneReLogin(style: Scenario.AuthFailureStyle) async throws {
        try await withGateway(Fixture.scenario { $0.authFailureStyle = style }) { simulator, client in
            let gateway = BHXHEgwGateway(configuration: Fixture.configuration(simulator), httpClient: client)
            _ = try await concurrentLookups(gateway, count: 3)
            // The simulator's clock passes the token's expiry while the client still trusts it.
            await simulator.advanceClock(by: 700)
            let outcomes = try await concurrentLookups(gateway, count: 20)
            #expect(outcomes == Array(repeating: .eligible, count: 20))
            #expect(await simulator.loginCount == 2)
        }
    }

    @Test func aRefusedPasswordIsAConfigurationErrorWithoutCardChecks() async throws {
        try await withGateway(Fixture.scenario()) { simulator, client in
            let gateway = BHXHEgwGateway(configuration: Fixture.configuration(simulator, password: "sai-mat-khau"),
                                         httpClient: client)
            let result = await gateway.lookUp(try Fixture.query(Fixture.mau))
            #expect(result.outcome == .configurationError)
            #expect(result.problem?.kind == .loginRejected)
            #expect(await simulator.cardCheckCount == 0)
        }
    }

    @Test func a401ThatPersistsAfterReLoginIsAConfigurationError() async throws {
        // Tokens bound to another address are refused on every check although logins succeed.
        try await withGateway(Fixture.scenario { $0.bindTokensToAddress = true }) { simulator, client in
            let gateway = BHXHEgwGateway(configuration: Fixture.configuration(simulator), httpClient: client)
            let bound = await gateway.lookUp(try Fixture.query(Fixture.mau))
            #expect(bound.outcome == .eligible, "same loopback address: binding holds")
        }
        try await withGateway(Fixture.scenario { $0.tokenLifetimeSeconds = -1 }) { simulator, client in
            let gateway = BHXHEgwGateway(configuration: Fixture.configuration(simulator), httpClient: client)
            let result = await gateway.lookUp(try Fixture.query(Fixture.mau))
            #expect(result.outcome == .configurationError)
            #expect(result.resultCode == "401")
            #expect(result.problem?.kind == .loginRejected)
            #expect(await simulator.cardCheckCount == 2)
        }
    }
}
