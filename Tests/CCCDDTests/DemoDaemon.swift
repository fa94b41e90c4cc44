import AsyncHTTPClient
import CCCDTestSupport
import Foundation

/// `cccdd --demo` as a user starts it: its virtual-card material made by
/// `scripts/make-vcard-keys.sh`, the demo scenario, any free port; the login URL read from its output.
struct DemoDaemon {
    let daemon: DaemonUnderTest
    let client: KioskClient
    let loginURL: URL

    static var available: Bool { VirtualCardMaterial.toolsAvailable }

    static func run(_ body: (DemoDaemon) async throws -> Void) async throws {
        try await withTemporaryDirectory { folder in
            let material = try await VirtualCardMaterial.make(in: folder.appendingPathComponent("material"))
            let daemon = try DaemonUnderTest.start([
                "--demo", "--port", "0", "--demo-material", material.folder.path,
                "--demo-scenario", BuiltProducts.repository.appendingPathComponent("Samples/bhxh-sim/demo-scenario.json").path,
            ], in: folder)
            let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(redirectConfiguration: .disallow))
            do {
                let line = try await requireLine(daemon)
                let url = try requireURL(line)
                let demo = DemoDaemon(daemon: daemon, client: KioskClient(http: http, port: url.port ?? 0), loginURL: url)
                try await body(demo)
            } catch {
                await daemon.stop()
                try? await http.shutdown()
                throw error
            }
            await daemon.stop()
            try await http.shutdown()
        }
    }

    private static func requireLine(_ daemon: DaemonUnderTest) async throws -> String {
        guard let line = await daemon.line(startingWith: "Kiosk: ", within: .seconds(30)) else {
            throw ChildProcessError(description: "cccdd --demo printed no Kiosk line: \(daemon.output)")
        }
        return line
    }

    private static func requireURL(_ line: String) throws -> URL {
        guard let url = URL(string: String(line.dropFirst("Kiosk: ".count))), url.host == "127.0.0.1", url.port != nil else {
            throw ChildProcessError(description: "not a loopback URL: \(line)")
        }
        return url
    }

    var loginToken: String {
        URLComponents(url: loginURL, resolvingAgainstBaseURL: false)?.queryItems?.first { $0.name == "token" }?.value ?? ""
    }

    var origin: String { "http://127.0.0.1:\(client.port)" }

    /// Presents a demo patient with a signed-in page's cookie and waits until the session is done.
    func present(_ patient: String, cookie: String) async throws -> [String: Any] {
        let answer = try await client.send(.POST, "/api/v1/demo/present", headers: [
            ("Cookie", cookie), ("Content-Type", "application/json"), ("Origin", origin),
        ], body: #"{"patient":"\#(patient)"}"#)
        guard answer.status == 202 else { throw ChildProcessError(description: "present \(patient): \(answer.status) \(answer.body)") }
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            let session = try await client.send(.GET, "/api/v1/session", headers: [("Cookie", cookie)])
            if let object = try JSONSerialization.jsonObject(with: Data(session.body.utf8)) as? [String: Any],
               let state = object["state"] as? String, state == "done" || state == "failed" {
                return object
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw ChildProcessError(description: "\(patient): the session did not finish")
    }
}
