import AsyncHTTPClient
import BHXHSimulator
import Foundation
import NIOCore
import NIOHTTP1
import Testing

/// The simulator's side of the protocol, spoken to with raw HTTP (no client code involved).
@Suite struct SimulatorProtocolTests {
    static let password = "mat-khau-gia"
    /// `printf mat-khau-gia | md5sum`
    static let md5Lower = "3661405d53995ad310e6dc45d0e0f7d3"

    static let card = ScenarioCard(
        maThe: "GD4010190000123", cccd: "001190000123", maSoBHXH: "0190000123", hoTen: "Nguyễn Thị Mẫu",
        ngaySinh: "15/03/1990", maDKBD: "01001", gtTheTu: "01/01/2026", gtTheDen: "31/12/2026", maKetQua: "004",
        newCard: .init(maThe: "GD4010190000999", gtTheTu: "01/12/2026", gtTheDen: "30/11/2027"))

    static func scenario(_ configure: (inout Scenario) -> Void = { _ in }) -> Scenario {
        var scenario = Scenario(accounts: [.init(username: "01001_BV", password: password)],
                                staff: [.init(name: "Lê Thị Tiếp Đón", cccd: "001186000777")], cards: [card])
        configure(&scenario)
        return scenario
    }

    struct Reply {
        var status: Int
        var contentType: String?
        var json: [String: Any]?
        var text: String
    }

    func send(_ simulator: BHXHSimulator, _ client: HTTPClient, _ method: HTTPMethod = .POST, path: String,
              body: String? = nil, contentType: String? = nil) async throws -> Reply {
        var request = HTTPClientRequest(url: simulator.baseURL.absoluteString + path)
        request.method = method
        if let contentType { request.headers.add(name: "Content-Type", value: contentType) }
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        let response = try await client.execute(request, timeout: .seconds(10))
        let bytes = try await response.body.collect(upTo: 1 << 20)
        let text = String(buffer: bytes)
        return Reply(status: Int(response.status.code), contentType: response.headers.first(name: "Content-Type"),
                     json: (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any], text: text)
    }

    func withSimulator(_ scenario: Scenario = scenario(), _ body: (BHXHSimulator, HTTPClient) async throws -> Void) async throws {
        let simulator = try await BHXHSimulator.start(scenario: scenario)
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        do {
            try await body(simulator, client)
        } catch {
            try? await client.shutdown()
            await simulator.stop()
            throw error
        }
        try await client.shutdown()
        await simulator.stop()
    }

    /// Logs in and returns the query string a card check needs.
    func logIn(_ simulator: BHXHSimulator, _ client: HTTPClient) async throws -> String {
        let reply = try await send(simulator, client, path: "/api/token/take",
                                   body: "username=01001_BV&password=\(Self.md5Lower.uppercased())",
                                   contentType: "application/x-www-form-urlencoded")
        let apiKey = reply.json?["APIKey"] as? [String: Any]
        let key = try #require(apiKey)
        let token = try #require(key["access_token"] as? String)
        let idToken = try #require(key["id_token"] as? String)
        return "?token=\(token)&id_token=\(idToken)&username=01001_BV&password=\(Self.md5Lower)"
    }

    func checkBody(maThe: String = "001190000123", hoTen: String = "Nguyễn Thị Mẫu", ngaySinh: String = "15/03/1990",
                   staffName: String = "Lê Thị Tiếp Đón", staffID: String = "001186000777") -> String {
        #"{"maThe":"\#(maThe)","hoTen":"\#(hoTen)","ngaySinh":"\#(ngaySinh)","hoTenCb":"\#(staffName)","cccdCb":"\#(staffID)"}"#
    }

    @Test(arguments: [
        ("username=01001_BV&password=\(md5Lower.uppercased())", "application/x-www-form-urlencoded"),
        ("username=01001_BV&password=\(md5Lower)", "application/x-www-form-urlencoded"),
        (#"{"username":"01001_BV","password":"\#(md5Lower)"}"#, "application/json"),
    ])
    func loginAcceptsFormOrJSONAndEitherHexCase(body: String, contentType: String) async throws {
        try await withSimulator { simulator, client in
            let before = Date()
            let reply = try await send(simulator, client, path: "/api/token/take", body: body, contentType: contentType)
            #expect(reply.json?["maKetQua"] as? String == "200")
            let apiKey = reply.json?["APIKey"] as? [String: Any]
            let key = try #require(apiKey)
            #expect(key["token_type"] as? String == "Bearer")
            #expect(key["username"] as? String == "01001_BV")
            #expect(UUID(uuidString: key["id_token"] as? String ?? "") != nil)
            let expires = try #require(key["expires_in"] as? String)
            #expect(expires.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z/) != nil)
            let formatter = ISO8601DateFormatter()
            let after = Date()
            // Whole seconds only: the fraction is dropped, so allow one second below.
            let expiry = try #require(formatter.date(from: String(expires.prefix(19)) + "Z"))
            #expect(expiry >= before.addingTimeInterval(599) && expiry <= after.addingTimeInterval(600),
                    "ten minutes after issue, as an absolute time")
        }
    }

    @Test func aWrongPasswordOrAccountIsRefusedWith401() async throws {
        try await withSimulator { simulator, client in
            for body in ["username=01001_BV&password=00000000000000000000000000000000",
                         "username=khac_BV&password=\(Self.md5Lower)", "username=01001_BV"] {
                let reply = try await send(simulator, client, path: "/api/token/take", body: body,
                                           contentType: "application/x-www-form-urlencoded")
                #expect(reply.json?["maKetQua"] as? String == "401")
                #expect(reply.json?["APIKey"] == nil)
            }
        }
    }

    @Test func cardChecksNeedAllFourQueryCredentials() async throws {
        try await withSimulator { simulator, client in
            let auth = try await logIn(simulator, client)
            let path = "/api/egw/KQNhanLichSuKCB2024"
            let ok = try await send(simulator, client, path: path + auth, body: checkBody(), contentType: "application/json")
            #expect(ok.json?["maKetQua"] as? String == "004")
            #expect(ok.json?["maTheMoi"] as? String == "GD4010190000999")
            #expect(ok.json?["gtTheTuMoi"] as? String == "01/12/2026")
            #expect(ok.json?.keys.contains("dsLichSuKCB2018") == true)
            for broken in [auth.replacingOccurrences(of: "password=\(Self.md5Lower)", with: "password=x"),
                           auth.replacingOccurrences(of: "username=01001_BV", with: "username=khac"),
                           String(auth.prefix { $0 != "&" }), ""] {
                let refused = try await send(simulator, client, path: path + broken, body: checkBody(), contentType: "application/json")
                #expect(refused.status == 200)
                #expect(refused.json?["maKetQua"] as? String == "401")
            }
            await simulator.advanceClock(by: 601)
            let expired = try await send(simulator, client, path: path + auth, body: checkBody(), contentType: "application/json")
            #expect(expired.json?["maKetQua"] as? String == "401")
        }
    }

    @Test func theDeskChecksStaffFormatIdentityAndDemographics() async throws {
        try await withSimulator { simulator, client in
            let path = "/api/egw/KQNhanLichSuKCB2024" + (try await logIn(simulator, client))
            let cases: [(String, String)] = [
                (checkBody(staffID: "001186000778"), "054"),
                (checkBody(staffName: "Người Khác"), "055"),
                (checkBody(ngaySinh: "1990-03-15"), "205"),
                ("not json", "205"),
                (checkBody(maThe: "001299000999"), "050"),
                (checkBody(maThe: "GD40101900001"), "051"),
                (checkBody(maThe: "GD4000190000123"), "052"),
                (checkBody(maThe: "GD9010190000123"), "053"),
                (checkBody(hoTen: "Trần Văn Khác"), "060"),
                (checkBody(hoTen: "Nguyễn Văn Khác"), "061"),
                (checkBody(ngaySinh: "16/03/1990"), "070"),
                (checkBody(ngaySinh: "1990"), "004"),
                (checkBody(hoTen: "nguyễn  thị mẫu"), "004"),
                (checkBody(maThe: "0190000123"), "004"),
                (checkBody(maThe: "GD4010190000999"), "000"),
            ]
            for (body, code) in cases {
                let reply = try await send(simulator, client, path: path, body: body, contentType: "application/json")
                #expect(reply.json?["maKetQua"] as? String == code, "expected \(code)")
            }
            let replacement = try await send(simulator, client, path: path, body: checkBody(maThe: "GD4010190000999"),
                                             contentType: "application/json")
            #expect(replacement.json?["gtTheDen"] as? String == "30/11/2027")
            #expect(replacement.json?["maTheCu"] as? String == "GD4010190000123")
        }
    }

    @Test func outagesAnswerHTML502AndThrottlingAnswers429() async throws {
        try await withSimulator(Self.scenario { $0.requestsPerMinutePerAccount = 2 }) { simulator, client in
            let path = "/api/egw/KQNhanLichSuKCB2024" + (try await logIn(simulator, client))
            for _ in 0..<2 {
                #expect(try await send(simulator, client, path: path, body: checkBody(), contentType: "application/json").status == 200)
            }
            let throttled = try await send(simulator, client, path: path, body: checkBody(), contentType: "application/json")
            #expect(throttled.status == 429)
            await simulator.advanceClock(by: 60)
            #expect(try await send(simulator, client, path: path, body: checkBody(), contentType: "application/json").status == 200)

            await simulator.setOutage(true)
            let down = try await send(simulator, client, path: path, body: checkBody(), contentType: "application/json")
            #expect(down.status == 502)
            #expect(down.contentType == "text/html")
            #expect(down.text.contains("<html>"))
            #expect(try await send(simulator, client, path: "/api/token/take", body: "x").status == 502)
        }
    }

    @Test func scriptedOutageWindowsApplyByTheSimulatorClock() async throws {
        let window = Scenario.Outage(from: Date().addingTimeInterval(3600), until: Date().addingTimeInterval(7200))
        try await withSimulator(Self.scenario { $0.outages = [window] }) { simulator, client in
            let login = "username=01001_BV&password=\(Self.md5Lower)"
            let before = try await send(simulator, client, path: "/api/token/take", body: login)
            await simulator.advanceClock(by: 3700)
            let during = try await send(simulator, client, path: "/api/token/take", body: login)
            await simulator.advanceClock(by: 3600)
            let after = try await send(simulator, client, path: "/api/token/take", body: login)
            let statuses: [Int] = [before.status, during.status, after.status]
            #expect(statuses == [200, 502, 200])
        }
    }

    @Test func everyRequestIsRecordedAndServedOnTheAdminEndpoint() async throws {
        try await withSimulator { simulator, client in
            let auth = try await logIn(simulator, client)
            _ = try await send(simulator, client, path: "/api/egw/KQNhanLichSuKCB2024" + auth, body: checkBody(),
                               contentType: "application/json")
            let recorded = await simulator.requests()
            #expect(recorded.map(\.path) == ["/api/token/take", "/api/egw/KQNhanLichSuKCB2024"])
            #expect(recorded.last?.query.map(\.name) == ["token", "id_token", "username", "password"])
            #expect(recorded.last?.body == checkBody())
            #expect(recorded.last?.remoteAddress == "127.0.0.1")

            let admin = try await send(simulator, client, .GET, path: "/_sim/requests")
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            let served = try decoder.decode([RecordedRequest].self, from: Data(admin.text.utf8))
            #expect(served.map(\.path) == recorded.map(\.path))
            #expect(served.last?.queryValue("password") == Self.md5Lower)
            #expect(await simulator.requests().count == 2, "admin calls are not recorded")
        }
    }

    @Test func theShippedDemoScenarioLoads() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Samples/bhxh-sim/demo-scenario.json")
        let scenario = try Scenario.load(from: url)
        let codes = Set(scenario.cards.compactMap(\.maKetQua))
        #expect(codes.isSuperset(of: ["000", "001", "002", "003", "004", "010", "060", "110", "130"]))
        #expect(scenario.cards.contains { $0.cccd == "001190000123" && $0.hoTen == "Nguyễn Thị Mẫu" })
        #expect(scenario.cards.contains { $0.cccd == "079205000456" && $0.hoTen == "Trần Văn Thử" })
        #expect(Set(scenario.cards.compactMap(\.fault)) == [.html502, .timeout])
    }
}
