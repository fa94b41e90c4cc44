import AsyncHTTPClient
import CCCDTestSupport
import Foundation
import Glibc
import NIOCore
import Synchronization

/// One Server-Sent Event as a client parses it (comments and `retry:` are not events).
struct ReceivedEvent: Sendable, Equatable {
    var id: UInt64
    var type: String
    /// `data:` parsed: its `type` (must equal the `event:` line) and the session's id, if any.
    var dataType: String?
    var sessionID: String?
}

/// `GET /api/v1/events` read in the background the way EventSource reads it; the events are
/// collected in arrival order for the test to inspect.
final class EventStreamClient: Sendable {
    private let state = Mutex<(events: [ReceivedEvent], ended: Bool)>(([], false))
    private let reader = Mutex<Task<Void, Never>?>(nil)
    let status: Int

    private init(status: Int) {
        self.status = status
    }

    /// Opens the stream (with `Last-Event-ID` when given) and returns once the response head arrived,
    /// i.e. once the daemon has subscribed this client.
    static func open(_ http: HTTPClient, port: Int, cookie: String, lastEventID: UInt64? = nil) async throws -> EventStreamClient {
        try await open(http, port: port, credential: ("Cookie", cookie), lastEventID: lastEventID)
    }

    /// Opened the way the kiosk launcher opens it: the session token from the token file as a bearer.
    static func open(_ client: KioskClient, token: String) async throws -> EventStreamClient {
        let stream = try await open(client.http, port: client.port, credential: ("Authorization", "Bearer \(token)"), lastEventID: nil)
        guard stream.status == 200 else { throw ChildProcessError(description: "GET /api/v1/events answered \(stream.status)") }
        return stream
    }

    private static func open(_ http: HTTPClient, port: Int, credential: (String, String), lastEventID: UInt64?) async throws -> EventStreamClient {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/api/v1/events")
        request.headers.add(name: credential.0, value: credential.1)
        request.headers.add(name: "Accept", value: "text/event-stream")
        if let lastEventID { request.headers.add(name: "Last-Event-ID", value: String(lastEventID)) }
        let response = try await http.execute(request, timeout: .seconds(120))
        let client = EventStreamClient(status: Int(response.status.code))
        let task = Task {
            var buffer: [UInt8] = []
            do {
                for try await chunk in response.body {
                    buffer += chunk.readableBytesView
                    client.take(&buffer)
                }
            } catch {}
            client.state.withLock { $0.ended = true }
        }
        client.reader.withLock { $0 = task }
        return client
    }

    var events: [ReceivedEvent] { state.withLock { $0.events } }

    /// The `event:` names received so far, in order.
    var kinds: [String] { events.map(\.type) }

    /// Polls until `count` events of `kind` arrived (synchronisation, not a timing assertion).
    func waitFor(_ kind: String, count: Int = 1, within limit: Duration = .seconds(30)) async -> Bool {
        await events(within: limit) { $0.filter { $0.type == kind }.count >= count } != nil
    }
    var ended: Bool { state.withLock { $0.ended } }

    /// The events once `condition` holds for them, or nil after `limit`.
    func events(within limit: Duration = .seconds(30), until condition: ([ReceivedEvent]) -> Bool) async -> [ReceivedEvent]? {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            let seen = events
            if condition(seen) { return seen }
            if ended { return nil }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return nil
    }

    func waitUntilEnded(within limit: Duration) async -> Bool {
        let deadline = ContinuousClock.now + limit
        while !ended, ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(20)) }
        return ended
    }

    func close() {
        reader.withLock { $0?.cancel() }
    }

    /// Moves every complete frame (ended by a blank line) out of `buffer`.
    private func take(_ buffer: inout [UInt8]) {
        while let end = Self.frameEnd(in: buffer) {
            let frame = String(decoding: buffer[..<end], as: UTF8.self)
            buffer.removeFirst(end + 2)
            guard let event = Self.parse(frame) else { continue }
            state.withLock { $0.events.append(event) }
        }
    }

    private static func frameEnd(in buffer: [UInt8]) -> Int? {
        guard buffer.count >= 2 else { return nil }
        return (0..<(buffer.count - 1)).first { buffer[$0] == 10 && buffer[$0 + 1] == 10 }
    }

    private static func parse(_ frame: String) -> ReceivedEvent? {
        var id: UInt64?, type: String?, data: String?
        for line in frame.split(separator: "\n") {
            if line.hasPrefix("id: ") { id = UInt64(line.dropFirst(4)) }
            if line.hasPrefix("event: ") { type = String(line.dropFirst(7)) }
            if line.hasPrefix("data: ") { data = String(line.dropFirst(6)) }
        }
        guard let id, let type, let data else { return nil }
        let object = (try? JSONSerialization.jsonObject(with: Data(data.utf8))) as? [String: Any]
        let session = object?["session"] as? [String: Any]
        return ReceivedEvent(id: id, type: type, dataType: object?["type"] as? String, sessionID: session?["id"] as? String)
    }
}

/// An event-stream client on a plain TCP socket, so the test decides exactly when the connection
/// dies: `reset()` closes it with SO_LINGER 0 (an RST, as a crashed browser tab leaves it).
struct RawEventStreamConnection: ~Copyable {
    private let fd: Int32

    init(port: Int, cookie: String) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ChildProcessError(description: "socket: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            Glibc.close(fd)
            throw ChildProcessError(description: "connect: errno \(errno)")
        }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        let request = "GET /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nCookie: \(cookie)\r\nAccept: text/event-stream\r\n\r\n"
        let bytes = Array(request.utf8)
        guard bytes.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, 0) }) == bytes.count else {
            Glibc.close(fd)
            throw ChildProcessError(description: "send: errno \(errno)")
        }
    }

    /// Reads until the text received so far contains `marker`; false after `limit`.
    func read(until marker: String, within limit: Duration = .seconds(30)) async -> Bool {
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                received += chunk[..<count]
                if String(decoding: received, as: UTF8.self).contains(marker) { return true }
            } else if count == 0 || (errno != EAGAIN && errno != EWOULDBLOCK) {
                return false
            } else {
                try? await Task.sleep(for: .milliseconds(10))
            }
        }
        return false
    }

    consuming func reset() {
        var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
        _ = setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
        Glibc.close(fd)
        discard self
    }

    deinit {
        Glibc.close(fd)
    }
}
