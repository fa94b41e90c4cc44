import AsyncHTTPClient
import BHXHSimulator
import Foundation
import Testing

/// The runtime fault knobs the soak run pulls (`/_sim/latency`, `/_sim/html-errors`), over raw HTTP.
extension SimulatorProtocolTests {
    @Test("/_sim/html-errors: card checks answer the HTML error page while logins still work; status=0 ends it")
    func htmlErrorsHitCardChecksOnly() async throws {
        try await withSimulator { simulator, client in
            let path = SimulatorPaths.cardCheck + (try await logIn(simulator, client))
            #expect(try await send(simulator, client, path: SimulatorPaths.htmlErrors + "?status=503").status == 204)
            let failing = try await send(simulator, client, path: path, body: checkBody(), contentType: "application/json")
            #expect(failing.status == 503)
            #expect(failing.contentType == "text/html")
            #expect(failing.text.contains("<html>"))
            #expect(try await logIn(simulator, client).hasPrefix("?token="), "logins are not affected")

            #expect(try await send(simulator, client, path: SimulatorPaths.htmlErrors + "?status=0").status == 204)
            let back = try await send(simulator, client, path: path, body: checkBody(), contentType: "application/json")
            #expect(back.status == 200)
            #expect(back.json?["maKetQua"] as? String == "004")
            for bad in ["?status=200", "?status=abc", ""] {
                #expect(try await send(simulator, client, path: SimulatorPaths.htmlErrors + bad).status == 400, "\(bad)")
            }
        }
    }

    @Test("/_sim/latency: every card check waits at least the injected time; ms=0 ends it; bad values are refused")
    func injectedLatencyDelaysCardChecks() async throws {
        try await withSimulator { simulator, client in
            let path = SimulatorPaths.cardCheck + (try await logIn(simulator, client))
            #expect(try await send(simulator, client, path: SimulatorPaths.latency + "?ms=400").status == 204)
            let started = ContinuousClock.now
            let slow = try await send(simulator, client, path: path, body: checkBody(), contentType: "application/json")
            // A lower bound only: the answer cannot come before the injected wait, however loaded the machine.
            #expect(ContinuousClock.now - started >= .milliseconds(400))
            #expect(slow.status == 200)
            #expect(try await send(simulator, client, path: SimulatorPaths.latency + "?ms=0").status == 204)
            for bad in ["?ms=-1", "?ms=x", ""] {
                #expect(try await send(simulator, client, path: SimulatorPaths.latency + bad).status == 400, "\(bad)")
            }
        }
    }
}
