import BHXHSimulator
import CCCDIdentity
import Eligibility
import EligibilityGateways
import Foundation
import Testing

/// The HIS proxy adapter against the simulator's `GET /bhyt` endpoint.
@Suite struct HISProxyTests {
    /// The simulator's HIS answers BHXH fields renamed to SCREAMING_SNAKE_CASE inside `KET_QUA`.
    static let simulatorMapping: AnswerFieldMapping = {
        var mapping = AnswerFieldMapping()
        mapping.resultCode = "MA_KET_QUA"
        mapping.note = "GHI_CHU"
        mapping.cardCode = "MA_THE"
        mapping.validFrom = "GT_THE_TU"
        mapping.validThrough = "GT_THE_DEN"
        mapping.registeredFacility = "MA_DKBD"
        mapping.area = "MA_KV"
        mapping.fiveYearsContinuousFrom = "NGAY_DU5_NAM"
        mapping.socialInsuranceNumber = "MA_SO_BHXH"
        mapping.previousCardCode = "MA_THE_CU"
        mapping.newCardCode = "MA_THE_MOI"
        mapping.newValidFrom = "GT_THE_TU_MOI"
        mapping.newValidThrough = "GT_THE_DEN_MOI"
        mapping.newRegisteredFacility = "MA_DKBD_MOI"
        return mapping.nested(in: "KET_QUA")
    }()

    static let merchant = Scenario.HISProxy.Merchant(merchantID: "kiosk-01", secret: "bi-mat-chung")

    func configuration(_ simulator: BHXHSimulator, signing: RequestSigning? = nil) -> HISProxyConfiguration {
        HISProxyConfiguration(baseURL: simulator.baseURL, fields: Self.simulatorMapping, signing: signing,
                              requestTimeout: .seconds(10), retryDelay: .milliseconds(1))
    }

    @Test func eligibleByCCCDWithTheMappedFields() async throws {
        try await withGateway(Fixture.scenario { $0.hisProxy = .init() }) { simulator, client in
            let gateway = HISProxyGateway(configuration: configuration(simulator), httpClient: client)
            let result = await gateway.lookUp(try Fixture.query(Fixture.mau))
            #expect(result.outcome == .eligible)
            #expect(result.source == "his-proxy")
            #expect(result.card?.code == "GD4010190000123")
            #expect(result.card?.validity?.through == CivilDate(year: 2026, month: 12, day: 31))
            #expect(result.card?.area == "K1")
            #expect(result.card?.fiveYearsContinuousFrom == CivilDate(year: 2024, month: 1, day: 1))
            let request = try #require(await simulator.requests().last)
            #expect(request.method == "GET")
            #expect(request.path == "/bhyt")
            #expect(request.query.map(\.name) == ["SO_GTTT", "LOAI_GTTT", "NGAY_SINH", "HO_TEN"])
            #expect(request.queryValue("SO_GTTT") == "001190000123")
            #expect(request.queryValue("LOAI_GTTT") == "CCCD")
            #expect(request.queryValue("NGAY_SINH") == "15/03/1990")
            #expect(request.queryValue("HO_TEN") == "Nguyễn Thị Mẫu")
        }
    }

    @Test func code003ReQueriesTheHISWithTheNewCard() async throws {
        try await withGateway(Fixture.scenario { $0.hisProxy = .init() }) { simulator, client in
            let gateway = HISProxyGateway(configuration: configuration(simulator), httpClient: client)
            let result = await gateway.lookUp(try Fixture.query(Fixture.renewed))
            #expect(result.outcome == .eligible)
            #expect(result.cardUsed == .newCard)
            #expect(result.gatewayCalls == 2)
            let second = try #require(await simulator.requests().last)
            #expect(second.queryValue("SO_GTTT") == "HN2310190000654")
            #expect(second.queryValue("LOAI_GTTT") == "BHYT")
        }
    }

    @Test func signedRequestsAreAcceptedAndAWrongSecretIsAConfigurationError() async throws {
        try await withGateway(Fixture.scenario { $0.hisProxy = .init(merchants: [Self.merchant]) }) { simulator, client in
            let signed = HISProxyGateway(configuration: configuration(
                simulator, signing: RequestSigning(merchantID: "kiosk-01", secret: Secret("bi-mat-chung"))), httpClient: client)
            #expect(await signed.lookUp(try Fixture.query(Fixture.mau)).outcome == .eligible)
            let headers = try #require(await simulator.requests().last?.signatureHeaders)
            #expect(headers["x-merchant-id"] == "kiosk-01")
            #expect(headers["x-sign"]?.wholeMatch(of: /[0-9a-f]{64}/) != nil)

            let wrong = HISProxyGateway(configuration: configuration(
                simulator, signing: RequestSigning(merchantID: "kiosk-01", secret: Secret("sai"))), httpClient: client)
            let refused = await wrong.lookUp(try Fixture.query(Fixture.mau))
            #expect(refused.outcome == .configurationError)
            #expect(refused.problem?.kind == .loginRejected)
            #expect(refused.gatewayCalls == 1, "a refused signature is not retried")

            let unsigned = HISProxyGateway(configuration: configuration(simulator), httpClient: client)
            #expect(await unsigned.lookUp(try Fixture.query(Fixture.mau)).problem?.httpStatus == 401)
        }
    }

    @Test func theBirthDateFormatIsConfigurable() async throws {
        try await withGateway(Fixture.scenario { $0.hisProxy = .init() }) { simulator, client in
            var settings = configuration(simulator)
            settings.parameters.birthDateFormat = .compactYMD
            settings.parameters.fullName = nil
            let result = await HISProxyGateway(configuration: settings, httpClient: client).lookUp(try Fixture.query(Fixture.mau))
            let request = try #require(await simulator.requests().last)
            #expect(request.queryValue("NGAY_SINH") == "19900315")
            #expect(request.queryValue("HO_TEN") == nil)
            #expect(result.resultCode == "205", "the simulated HIS only takes dd/MM/yyyy")
            #expect(result.outcome == .badInput)
        }
    }

    @Test func hisOutagesAreTransientAndRetriedOnce() async throws {
        try await withGateway(Fixture.scenario { $0.hisProxy = .init() }) { simulator, client in
            await simulator.setOutage(true)
            let result = await HISProxyGateway(configuration: configuration(simulator), httpClient: client)
                .lookUp(try Fixture.query(Fixture.mau))
            #expect(result.outcome == .transient)
            #expect(result.problem?.httpStatus == 502)
            #expect(result.gatewayCalls == 2)
        }
    }

    @Test func aMappingThatDoesNotFitIsUnreadableRatherThanGuessed() async throws {
        // The default mapping reads BHXH's own names at the top level; this HIS wraps and renames them.
        try await withGateway(Fixture.scenario { $0.hisProxy = .init() }) { simulator, client in
            var settings = configuration(simulator)
            settings.fields = AnswerFieldMapping()
            let result = await HISProxyGateway(configuration: settings, httpClient: client).lookUp(try Fixture.query(Fixture.mau))
            #expect(result.outcome == .transient, "the simulator's HIS shape is not BHXH's: nothing readable")
            #expect(result.problem?.kind == .unreadableAnswer)
        }
    }
}
