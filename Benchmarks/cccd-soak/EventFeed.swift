import AsyncHTTPClient
import Foundation
import NIOCore
import Synchronization

/// What the soak keeps of one kiosk event: enough to follow a presentation and to know which
/// ones the daemon acknowledged, never the holder's name or date of birth.
struct FeedEvent: Sendable {
    var type: String
    var session: String?
    var state: String?
    var startedAt: String?
    var source: String?
    var resultClass: String?
    var errorCode: String?

    /// A `result` the kiosk was shown as recorded: the pipeline commits the record before publishing it.
    var isAcknowledged: Bool { type == "result" && state == "done" }
}

/// `GET /api/v1/events` with the session token, as the kiosk launcher reads it, reconnecting to
/// each new incarnation of the daemon (a new port and a new token after every restart).
final class EventFeed: Sendable {
    private let events = Mutex<[FeedEvent]>([])
    private let reader = Mutex<Task<Void, Never>?>(nil)
    private let connections = Atomic<Int>(0)
    private let tokensUsed = Mutex<Set<String>>([])

    var count: Int { events.withLock { $0.count } }
    var all: [FeedEvent] { events.withLock { $0 } }
    var reconnections: Int { connections.load(ordering: .relaxed) }
    /// Every session token the daemon wrote (one per incarnation): secrets its logs must not hold.
    var tokens: [String] { tokensUsed.withLock { Array($0) } }

    func events(from index: Int) -> ArraySlice<FeedEvent> {
        events.withLock { $0[min(index, $0.count)...] }
    }

    /// Follows the daemon until ``stop()``; `port` and `token` are asked again on every reconnect.
    func start(http: HTTPClient, port: @escaping @Sendable () -> Int?, token: @escaping @Sendable () -> String?) {
        let task = Task {
            while !Task.isCancelled {
                if let port = port(), let token = token() {
                    await self.follow(http: http, port: port, token: token)
                }
                try? await Task.sleep(for: .milliseconds(100))
            }
        }
        reader.withLock { $0 = task }
    }

    func stop() {
        reader.withLock { $0?.cancel() }
    }

    private func follow(http: HTTPClient, port: Int, token: String) async {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/api/v1/events")
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        request.headers.add(name: "Accept", value: "text/event-stream")
        _ = tokensUsed.withLock { $0.insert(token) }
        guard let response = try? await http.execute(request, timeout: .hours(1)), response.status.code == 200 else { return }
        _ = connections.add(1, ordering: .relaxed)
        var buffer: [UInt8] = []
        do {
            for try await chunk in response.body {
                buffer += chunk.readableBytesView
                while let end = Self.frameEnd(in: buffer) {
                    let frame = String(decoding: buffer[..<end], as: UTF8.self)
                    buffer.removeFirst(end + 2)
                    if let event = Self.parse(frame) { events.withLock { $0.append(event) } }
                }
            }
        } catch {}
    }

    private static func frameEnd(in buffer: [UInt8]) -> Int? {
        guard buffer.count >= 2 else { return nil }
        return (0..<(buffer.count - 1)).first { buffer[$0] == 10 && buffer[$0 + 1] == 10 }
    }

    private static func parse(_ frame: String) -> FeedEvent? {
        guard let line = frame.split(separator: "\n").first(where: { $0.hasPrefix("data: ") }),
              let object = (try? JSONSerialization.jsonObject(with: Data(line.dropFirst(6).utf8))) as? [String: Any],
              let type = object["type"] as? String
        else { return nil }
        let session = object["session"] as? [String: Any]
        let eligibility = session?["eligibility"] as? [String: Any]
        let error = session?["error"] as? [String: Any]
        return FeedEvent(type: type, session: session?["id"] as? String, state: session?["state"] as? String,
                         startedAt: session?["startedAt"] as? String, source: session?["source"] as? String,
                         resultClass: eligibility?["class"] as? String, errorCode: error?["code"] as? String)
    }
}
