import CCCDTestSupport
import Foundation
import Testing

@Suite("the kiosk API refuses every other origin (against a running cccdd --demo)", .enabled(if: DemoDaemon.available))
struct APISecurityTests {
    @Test("foreign Host, foreign Origin, no token, wrong token, spent login, GET-with-side-effects and non-JSON posts are refused; the page's own requests work")
    func refusals() async throws {
        try await DemoDaemon.run { demo in
            let client = demo.client
            let port = client.port
            // The login link works once, then never again.
            let cookie = try #require(try await client.login(token: demo.loginToken))
            #expect(cookie.hasPrefix("cccdd_session="))
            #expect(try await client.send(.GET, "/?token=\(demo.loginToken)").status == 403)
            let login = try await client.send(.GET, "/?token=\(String(repeating: "0", count: 64))")
            #expect(login.status == 403)

            // The signed-in page's own requests.
            #expect(try await client.send(.GET, "/api/v1/session", headers: [("Cookie", cookie)]).status == 200)
            #expect(try await client.send(.GET, "/api/v1/status", headers: [("Cookie", cookie), ("Origin", demo.origin)]).status == 200)
            let page = try await client.send(.GET, "/")
            #expect(page.status == 200)
            #expect(page.headers["Content-Security-Policy"].first?.contains("default-src 'self'") == true)

            // DNS rebinding: a foreign name resolving to 127.0.0.1 still carries it in Host.
            let rebound = try await client.send(.GET, "/api/v1/session", headers: [("Cookie", cookie), ("Host", "attacker.example:\(port)")])
            #expect(rebound.status == 421)
            #expect(rebound.body.contains("http.foreignHost"))
            #expect(try await client.send(.GET, "/", headers: [("Host", "127.0.0.1:\(port + 1)")]).status == 421)

            // Another page's script, even on another local port, with the cookie a browser would attach.
            for origin in ["http://attacker.example", "http://127.0.0.1:\(port + 1)", "null"] {
                let answer = try await client.send(.GET, "/api/v1/session", headers: [("Cookie", cookie), ("Origin", origin)])
                #expect(answer.status == 403, "\(origin)")
                #expect(answer.headers["Access-Control-Allow-Origin"].isEmpty)
                let preflight = try await client.send(.OPTIONS, "/api/v1/session/clear", headers: [
                    ("Origin", origin), ("Access-Control-Request-Method", "POST"),
                ])
                #expect(preflight.status == 403)
            }

            // No token, a wrong token, a token in the wrong place.
            #expect(try await client.send(.GET, "/api/v1/session").status == 401)
            #expect(try await client.send(.GET, "/api/v1/events").status == 401)
            #expect(try await client.send(.GET, "/api/v1/session", headers: [("Cookie", "cccdd_session=\(String(repeating: "a", count: 64))")]).status == 401)
            #expect(try await client.send(.GET, "/api/v1/session", headers: [("Authorization", "Bearer wrong")]).status == 401)
            #expect(try await client.send(.GET, "/api/v1/session?token=\(demo.loginToken)").status == 401)

            // No state change on GET, and none from a form post (which needs no preflight).
            #expect([404, 405].contains(try await client.send(.GET, "/api/v1/session/clear", headers: [("Cookie", cookie)]).status))
            let form = try await client.send(.POST, "/api/v1/session/clear", headers: [
                ("Cookie", cookie), ("Content-Type", "application/x-www-form-urlencoded"), ("Origin", demo.origin),
            ], body: "x=1")
            #expect(form.status == 415)
            #expect(try await client.send(.POST, "/api/v1/session/clear", headers: [
                ("Cookie", cookie), ("Content-Type", "application/json"), ("Origin", demo.origin),
            ], body: "{}").status == 204)

            // Hostile bodies get a specific error, not a crash.
            let garbage = try await client.send(.POST, "/api/v1/session/manual", headers: [
                ("Cookie", cookie), ("Content-Type", "application/json"),
            ], body: String(repeating: "{", count: 10_000))
            #expect(garbage.status == 400)
            let invalid = try await client.send(.POST, "/api/v1/session/manual", headers: [
                ("Cookie", cookie), ("Content-Type", "application/json"),
            ], body: #"{"idNumber":"12","fullName":"X","dateOfBirth":"2000-01-01"}"#)
            #expect(invalid.status == 422)
            #expect(invalid.body.contains("manual.idNumber"))
            // Digits 4–6 of 001085000789 say 1985: another year is a typo, refused before any lookup.
            let typo = try await client.send(.POST, "/api/v1/session/manual", headers: [
                ("Cookie", cookie), ("Content-Type", "application/json"),
            ], body: #"{"idNumber":"001085000789","fullName":"Phạm Văn Hết Hạn","dateOfBirth":"1986-02-02"}"#)
            #expect(typo.status == 422)
            #expect(typo.body.contains("manual.birthYear"))
            #expect(try await client.send(.GET, "/healthz").status == 200)
        }
    }
}
