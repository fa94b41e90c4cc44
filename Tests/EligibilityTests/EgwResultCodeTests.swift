import CCCDIdentity
import BHXHSimulator
import Eligibility
import EligibilityGateways
import Testing

/// Every result code of spec §4, produced by the real simulator and read by the real client.
@Suite struct EgwResultCodeTests {
    static let scriptedCodes = specTable.map(\.code).filter { !["003", "004", "401"].contains($0) }

    @Test(arguments: scriptedCodes)
    func scriptedCodeIsClassifiedAsTheTableSays(code: String) async throws {
        let card = Fixture.scriptedCard(code: code, index: 1)
        try await withGateway(Fixture.scenario(cards: [card])) { simulator, client in
            let gateway = BHXHEgwGateway(configuration: Fixture.configuration(simulator), httpClient: client)
            let result = await gateway.lookUp(try Fixture.query(card))
            guard case .classify(let expected) = ResultCodeTable.bhxh2024.rule(for: code).disposition else {
                Issue.record("code \(code) is not a plain classification")
                return
            }
            #expect(result.outcome == expected)
            #expect(result.resultCode == code)
            #expect(result.source == "bhxh-egw")
            // Transient codes are retried exactly once; everything else is asked once.
            let expectedCalls = expected == .transient ? 2 : 1
            #expect(result.gatewayCalls == expectedCalls)
            #expect(await simulator.cardCheckCount == expectedCalls)
            if expected == .eligible || expected == .eligibleCheckDocuments {
                #expect(result.card?.code == card.maThe)
                #expect(result.card?.validity?.through == CivilDate(year: 2026, month: 12, day: 31))
            }
        }
    }

    @Test func theRequestCarriesTheQueryAndTheStaffMember() async throws {
        try await withGateway(Fixture.scenario()) { simulator, client in
            let gateway = BHXHEgwGateway(configuration: Fixture.configuration(simulator), httpClient: client)
            let result = await gateway.lookUp(try Fixture.query(Fixture.mau))
            #expect(result.outcome == .eligible)
            #expect(result.card == InsuranceCard(
                code: "GD4010190000123", validity: ValidityRange(from: CivilDate(year: 2026, month: 1, day: 1)!,
                                                                 through: CivilDate(year: 2026, month: 12, day: 31)!),
                registeredFacility: "01001", area: "K1", fiveYearsContinuousFrom: CivilDate(year: 2024, month: 1, day: 1),
                socialInsuranceNumber: "0190000123"))
            let requests = await simulator.requests()
            let login = try #require(requests.first { $0.isLogin })
            #expect(login.body == "username=01001_BV&password=\(Fixture.passwordMD5)")
            let check = try #require(requests.first { $0.isCardCheck })
            #expect(check.query.map(\.name) == ["token", "id_token", "username", "password"])
            #expect(check.queryValue("password") == Fixture.passwordMD5)
            #expect(check.body.contains(#""maThe":"001190000123""#))
            #expect(check.body.contains(#""ngaySinh":"15\/03\/1990""#) || check.body.contains(#""ngaySinh":"15/03/1990""#))
            #expect(check.body.contains(#""cccdCb":"001186000777""#))
            #expect(check.body.contains("Lê Thị Tiếp Đón"))
        }
    }

    @Test func unknownIdentityIsNotFoundAndMismatchesAreDetected() async throws {
        try await withGateway(Fixture.scenario()) { simulator, client in
            let gateway = BHXHEgwGateway(configuration: Fixture.configuration(simulator), httpClient: client)
            let stranger = try EligibilityQuery(subject: LookupSubject(parsing: "001299000999"), fullName: "Đinh Văn Vắng",
                                                birthDate: .yearOnly(1999), visitDate: Fixture.today)
            #expect(await gateway.lookUp(stranger).outcome == .notFound)
            let wrongName = await gateway.lookUp(try Fixture.query(Fixture.mau, name: "Nguyễn Thị Khác"))
            #expect(wrongName.outcome == .demographicMismatch)
            #expect(wrongName.resultCode == "061")
            var wrongBirth = try Fixture.query(Fixture.mau)
            wrongBirth.birthDate = .yearOnly(1991)
            #expect(await gateway.lookUp(wrongBirth).resultCode == "070")
            let badProvince = await gateway.lookUp(try Fixture.query(Fixture.mau, bySubject: "GD4000190000123"))
            #expect(badProvince.outcome == .badInput)
            #expect(badProvince.resultCode == "052")
        }
    }

    @Test func unregisteredStaffIsAConfigurationError() async throws {
        try await withGateway(Fixture.scenario()) { simulator, client in
            var configuration = Fixture.configuration(simulator)
            configuration.staffName = "Người Lạ"
            let wrongName = await BHXHEgwGateway(configuration: configuration, httpClient: client).lookUp(try Fixture.query(Fixture.mau))
            #expect(wrongName.outcome == .configurationError)
            #expect(wrongName.resultCode == "055")
            configuration.staffID = "001186000778"
            let unknown = await BHXHEgwGateway(configuration: configuration, httpClient: client).lookUp(try Fixture.query(Fixture.mau))
            #expect(unknown.resultCode == "054")
        }
    }
}
