import AsyncHTTPClient
import CCCDTestSupport
import Foundation

/// `cccdd --demo` as a user starts it (``KioskDaemon/startDemo(in:reader:)``), with an API client on its port.
struct DemoDaemon {
    let daemon: KioskDaemon
    let client: KioskClient
    let loginURL: URL

    static var available: Bool { VirtualCardMaterial.toolsAvailable }

    static func run(reader: String = "in-process", _ body: (DemoDaemon) async throws -> Void) async throws {
        try await withTemporaryDirectory { folder in
            try await KioskDaemon.withDemo(in: folder, reader: reader) { daemon, url in
                let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(redirectConfiguration: .disallow))
                do {
                    try await body(DemoDaemon(daemon: daemon, client: KioskClient(http: http, port: url.port ?? 0), loginURL: url))
                } catch {
                    try? await http.shutdown()
                    throw error
                }
                try await http.shutdown()
            }
        }
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
