import AsyncHTTPClient
import Foundation
import NIOCore
import Synchronization

/// The kiosk page's side of `GET /api/v1/events`: connected with the session token the way the
/// launcher connects, every frame's `event:` name kept in arrival order so tests can check the
/// pipeline's order, not just that events happened.
final class EventStreamClient: Sendable {
    private let text = Mutex("")
    private let reading = Mutex<Task<Void, Never>?>(nil)

    private init() {}

    /// Opens the stream; throws unless the daemon answers 200 with an event stream.
    static func open(_ client: KioskClient, token: String) async throws -> EventStreamClient {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(client.port)/api/v1/events")
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        let response = try await client.http.execute(request, timeout: .seconds(300))
        guard response.status.code == 200 else {
            throw StreamRefused(description: "GET /api/v1/events answered \(response.status.code)")
        }
        let stream = EventStreamClient()
        let task = Task {
            do {
                for try await chunk in response.body { stream.append(String(buffer: chunk)) }
            } catch {
                // The daemon stopping or the test cancelling ends the stream; what arrived stays.
            }
        }
        stream.reading.withLock { $0 = task }
        return stream
    }

    private func append(_ received: String) {
        text.withLock { $0 += received }
    }

    /// The `event:` names received so far, in order.
    var kinds: [String] {
        text.withLock { $0 }.split(separator: "\n").compactMap { line in
            line.hasPrefix("event: ") ? String(line.dropFirst("event: ".count)) : nil
        }
    }

    /// Polls until `count` events of `kind` arrived (synchronisation, not a timing assertion).
    func waitFor(_ kind: String, count: Int = 1, within limit: Duration = .seconds(30)) async -> Bool {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            if kinds.filter({ $0 == kind }).count >= count { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return false
    }

    func close() {
        reading.withLock { $0?.cancel() }
    }

    struct StreamRefused: Error, CustomStringConvertible {
        let description: String
    }
}
