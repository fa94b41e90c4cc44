import CCCDIdentity
import AsyncHTTPClient
import BHXHSimulator
import Eligibility
import EligibilityGateways
import Testing

/// Secrets and personal data never reach logs, errors or descriptions (BRIEF, spec §3).
@Suite struct SecretsInLogsTests {
    @Test func logsNeverContainCredentialsTokensOrPersonalData() async throws {
        let capture = LogCapture()
        let cards = [Fixture.mau, Fixture.renewed, Fixture.scriptedCard(code: "000", index: 5, fault: .html502),
                     Fixture.scriptedCard(code: "000", index: 6, fault: .timeout)]
        let tokens = try await withGateway(Fixture.scenario(cards: cards) { $0.authFailureStyle = .status }) { simulator, client in
            let gateway = BHXHEgwGateway(configuration: Fixture.configuration(simulator, timeout: .milliseconds(1500)),
                                         httpClient: client, logger: capture.logger())
            for card in cards { _ = await gateway.lookUp(try Fixture.query(card)) }
            await simulator.expireAllTokens()
            _ = await gateway.lookUp(try Fixture.query(Fixture.mau, name: "Nguyễn Thị Khác"))
            let refused = BHXHEgwGateway(configuration: Fixture.configuration(simulator, password: "sai-mat-khau"),
                                         httpClient: client, logger: capture.logger())
            _ = await refused.lookUp(try Fixture.query(Fixture.mau))
            return await simulator.requests().flatMap { request in
                ["token", "id_token"].compactMap { request.queryValue($0) }
            }
        }
        #expect(tokens.count >= 4, "the run logged in twice and made several checks")
        #expect(capture.count >= 6, "the gateway did log")

        var forbidden = [Fixture.password, Fixture.passwordMD5, Fixture.passwordMD5.lowercased(), "sai-mat-khau",
                         Fixture.staffID, Fixture.staffName, "127.0.0.1:", "KQNhanLichSuKCB2024", "token="]
        forbidden += tokens
        for card in cards + [Fixture.thu] {
            forbidden += [card.maThe, card.hoTen, card.ngaySinh] + [card.cccd, card.maSoBHXH, card.newCard?.maThe].compactMap { $0 }
        }
        forbidden.append("Nguyễn Thị Khác")
        let text = capture.text
        // Positions in `forbidden`, so a failure names which value leaked without printing it.
        let leaked = forbidden.indices.filter { text.contains(forbidden[$0]) }
        #expect(leaked.isEmpty, "forbidden values found in logs at positions \(leaked)")
    }

    @Test func theGatewayClientNeverTraces() async throws {
        let client = HTTPClient.eligibilityClient()
        #expect(client.tracer == nil, "spans would record the query string with the token")
        try await client.shutdown()
    }

    @Test func configurationsAndProblemsDescribeThemselvesWithoutSecrets() async throws {
        let simulator = try await BHXHSimulator.start(scenario: Fixture.scenario())
        await simulator.stop()
        let configuration = Fixture.configuration(simulator)
        for text in ["\(configuration)", String(reflecting: configuration), "\(configuration.password)"] {
            #expect(!text.contains(Fixture.password))
            #expect(!text.contains(Fixture.passwordMD5))
        }
        for kind in GatewayProblem.Kind.allCases {
            let problem = GatewayProblem(kind, httpStatus: 502)
            #expect(problem.code.hasPrefix("gateway."))
            #expect(!problem.message.vi.isEmpty && !problem.message.en.isEmpty)
            #expect(problem.diagnostic == nil)
        }
    }
}
