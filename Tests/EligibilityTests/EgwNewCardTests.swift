import CCCDIdentity
import BHXHSimulator
import Eligibility
import EligibilityGateways
import Testing

/// Codes 003 and 004: a new card was issued.
@Suite struct EgwNewCardTests {
    @Test func code003ReQueriesOnceWithTheNewCard() async throws {
        try await withGateway(Fixture.scenario()) { simulator, client in
            let gateway = BHXHEgwGateway(configuration: Fixture.configuration(simulator), httpClient: client)
            let result = await gateway.lookUp(try Fixture.query(Fixture.renewed))
            #expect(result.outcome == .eligible)
            #expect(result.cardUsed == .newCard)
            #expect(result.card?.code == "HN2310190000654")
            #expect(result.card?.previousCode == "HN2310190000321")
            #expect(result.gatewayCalls == 2)
            let bodies = await simulator.requests().filter(\.isCardCheck).map(\.body)
            #expect(bodies.count == 2)
            #expect(bodies.first?.contains(#""maThe":"031190000321""#) == true)
            #expect(bodies.last?.contains(#""maThe":"HN2310190000654""#) == true)
        }
    }

    @Test func code003WhoseNewCardDoesNotCoverTheVisitIsNotEligible() async throws {
        try await withGateway(Fixture.scenario()) { simulator, client in
            let gateway = BHXHEgwGateway(configuration: Fixture.configuration(simulator), httpClient: client)
            let visit = CivilDate(year: 2027, month: 11, day: 2)!
            let result = await gateway.lookUp(try Fixture.query(Fixture.renewed, visit: visit))
            #expect(result.outcome == .notEligible)
            #expect(result.cardUsed == .newCard)
        }
    }

    @Test(arguments: [
        (CivilDate(year: 2026, month: 11, day: 30)!, EligibilityClass.eligible, CardUsed.previousCard),
        (CivilDate(year: 2026, month: 12, day: 1)!, .eligible, .newCard),
        (CivilDate(year: 2027, month: 12, day: 1)!, .notEligible, .queried),
    ])
    func code004IsJudgedOnTheVisitDate(visit: CivilDate, outcome: EligibilityClass, cardUsed: CardUsed) async throws {
        try await withGateway(Fixture.scenario()) { simulator, client in
            let gateway = BHXHEgwGateway(configuration: Fixture.configuration(simulator), httpClient: client)
            let result = await gateway.lookUp(try Fixture.query(Fixture.thu, visit: visit))
            #expect(result.resultCode == "004")
            #expect(result.outcome == outcome)
            #expect(result.cardUsed == cardUsed)
            #expect(result.card?.newCard?.code == "SV4790205000456")
            #expect(result.gatewayCalls == 1)
        }
    }
}
