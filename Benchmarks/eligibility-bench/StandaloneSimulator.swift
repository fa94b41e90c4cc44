import AsyncHTTPClient
import BHXHSimulator
import CCCDTestSupport
import Foundation
import NIOCore

/// The `bhxh-sim` executable on 127.0.0.1, on a port it picks, serving `scenario` — a process of
/// its own, so a load tool and the client under test hit the same thing a kiosk's gateway would.
struct StandaloneSimulator {
    let process: SpawnedProcess
    let baseURL: URL

    init(scenario: Scenario, in folder: URL) async throws {
        let file = folder.appendingPathComponent("scenario.json")
        try JSONEncoder().encode(scenario).write(to: file)
        let log = folder.appendingPathComponent("bhxh-sim.log")
        let process = try SpawnedProcess(executable: BuiltProducts.executable("bhxh-sim").path,
                                         arguments: ["--scenario", file.path, "--listen", "127.0.0.1:0"], logPath: log.path)
        let deadline = ContinuousClock.now + .seconds(30)
        var address: URL?
        while address == nil, ContinuousClock.now < deadline {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            address = text.split(separator: "\n").first { $0.hasPrefix("bhxh-sim listening on ") }
                .flatMap { URL(string: String($0.dropFirst("bhxh-sim listening on ".count))) }
            if address == nil { try await Task.sleep(for: .milliseconds(20)) }
        }
        guard let address else {
            await process.stop()
            throw BenchFailure("bhxh-sim never listened: \((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
        }
        self.process = process
        baseURL = address
    }

    /// The last card check the simulator received, as a URL (query and token included) and a body.
    func lastCardCheck(_ client: HTTPClient) async throws -> (url: String, body: String) {
        let response = try await client.execute(HTTPClientRequest(url: baseURL.absoluteString + SimulatorPaths.requests), timeout: .seconds(10))
        let data = try await response.body.collect(upTo: 64 << 20)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let requests = try decoder.decode([RecordedRequest].self, from: Data(data.readableBytesView))
        guard let check = requests.last(where: \.isCardCheck) else { throw BenchFailure("no card check recorded") }
        let query = check.query
            .map { "\($0.name)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? $0.value)" }
            .joined(separator: "&")
        return (baseURL.absoluteString + SimulatorPaths.cardCheck + "?" + query, check.body)
    }

    /// Empties the simulator's request log, which would otherwise grow by every request of every run.
    func clearLog(_ client: HTTPClient) async throws {
        var request = HTTPClientRequest(url: baseURL.absoluteString + SimulatorPaths.requests)
        request.method = .DELETE
        let response = try await client.execute(request, timeout: .seconds(10))
        _ = try await response.body.collect(upTo: 1 << 16)
    }
}
