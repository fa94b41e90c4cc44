import AsyncHTTPClient
import CCCDTestSupport
import Foundation
import NIOCore
import Testing

/// `GET /api/v1/events` of a running `cccdd --demo`, read as the page's EventSource reads it:
/// the order of one presentation's events, `Last-Event-ID` resume, many clients at once, and a
/// client that vanishes mid-stream while the daemon shuts down.
@Suite("cccdd's event stream: ordering, resume, many clients, shutdown", .enabled(if: DemoDaemon.available))
struct EventStreamTests {
    /// What one presentation of a QR and a card publishes, in this order (progress repeats).
    static let presentation = ["scanReceived", "cardDetected", "readingProgress", "verified", "lookupStarted", "result"]

    @Test("one presentation's events arrive in pipeline order with increasing ids, each naming its type and session")
    func ordering() async throws {
        try await Self.withStreams { demo, http, cookie in
            let stream = try await EventStreamClient.open(http, port: demo.client.port, cookie: cookie)
            #expect(stream.status == 200)
            try await Self.present("insured", demo, cookie)
            let events = try #require(await stream.events { $0.contains { $0.type == "result" } }, "no result event")
            Self.expectPresentationOrder(events)
            stream.close()
        }
    }

    @Test("Last-Event-ID: the events after that id are replayed, none before it, then live ones follow")
    func resume() async throws {
        try await Self.withStreams { demo, http, cookie in
            let first = try await EventStreamClient.open(http, port: demo.client.port, cookie: cookie)
            try await Self.present("insured", demo, cookie)
            let seen = try #require(await first.events { $0.contains { $0.type == "result" } })
            let verified = try #require(seen.first { $0.type == "verified" }, "\(seen.map(\.type))")
            let missed = seen.filter { $0.id > verified.id }
            #expect(!missed.isEmpty)

            let resumed = try await EventStreamClient.open(http, port: demo.client.port, cookie: cookie, lastEventID: verified.id)
            let replayed = try #require(await resumed.events { $0.count >= missed.count }, "replayed: \(resumed.events.map(\.type))")
            #expect(replayed.prefix(missed.count).map(\.id) == missed.map(\.id), "replay: \(replayed.map(\.id)) expected \(missed.map(\.id))")
            #expect(replayed.allSatisfy { $0.id > verified.id }, "an event at or before Last-Event-ID was replayed")

            // Live events after the replay: the next presentation reaches both streams alike.
            try await Self.present("clonedChip", demo, cookie)
            let lastSeen = try #require(seen.last).id
            let live = try #require(await resumed.events { $0.filter { $0.type == "result" }.count == 2 })
            let both = try #require(await first.events { $0.filter { $0.type == "result" }.count == 2 })
            #expect(live.filter { $0.id > lastSeen } == both.filter { $0.id > lastSeen })
            first.close()
            resumed.close()
        }
    }

    @Test("20 clients at once all receive the same events in the same order")
    func manyClients() async throws {
        try await Self.withStreams { demo, http, cookie in
            var streams: [EventStreamClient] = []
            for _ in 0..<20 { streams.append(try await EventStreamClient.open(http, port: demo.client.port, cookie: cookie)) }
            #expect(streams.allSatisfy { $0.status == 200 })
            try await Self.present("insured", demo, cookie)
            var received: [[ReceivedEvent]] = []
            for stream in streams {
                let events = try #require(await stream.events { $0.contains { $0.type == "result" } }, "a client missed the result")
                // Up to the result: a snapshot may already hold the status event that follows it.
                received.append(Array(events.prefix { $0.type != "result" }) + events.filter { $0.type == "result" }.prefix(1))
            }
            let reference = try #require(received.first)
            Self.expectPresentationOrder(reference)
            for (index, events) in received.enumerated() {
                #expect(events.map(\.id) == reference.map(\.id), "client \(index): \(events.map(\.id)) vs \(reference.map(\.id))")
            }
            for stream in streams { stream.close() }
        }
    }

    @Test("a client that disconnects mid-stream, and one that never reads, do not hold up SIGTERM: exit 0 within 5 s")
    func disconnectedClientDoesNotBlockShutdown() async throws {
        try await Self.withStreams { demo, http, cookie in
            let vanishing = try RawEventStreamConnection(port: demo.client.port, cookie: cookie)
            let stalled = try RawEventStreamConnection(port: demo.client.port, cookie: cookie)
            let watching = try await EventStreamClient.open(http, port: demo.client.port, cookie: cookie)
            try await Self.present("insured", demo, cookie)
            #expect(await vanishing.read(until: "event: readingProgress"), "no event before the disconnect")
            vanishing.reset()
            #expect(await watching.events { $0.contains { $0.type == "result" } } != nil)
            try await Self.present("clonedChip", demo, cookie)   // events for a connection that is gone
            _ = await watching.events { $0.filter { $0.type == "result" }.count == 2 }

            let stopping = ContinuousClock.now
            demo.daemon.process.signal(SIGTERM)
            #expect(await demo.daemon.process.waitForExit(within: .seconds(5)), "cccdd still running 5 s after SIGTERM")
            #expect(demo.daemon.process.exitStatus == 0, "\(demo.daemon.output)")
            #expect(await watching.waitUntilEnded(within: .seconds(5)), "the live stream did not end at shutdown")
            print("cccdd --demo stopped \(ContinuousClock.now - stopping) after SIGTERM with a vanished, a stalled and a live SSE client")
            _ = consume stalled
        }
    }

    // MARK: - helpers

    /// The demo, a signed-in cookie, and an HTTP client allowed more than 8 connections to it
    /// (AsyncHTTPClient's default per host would queue the 9th stream behind the first eight).
    static func withStreams(_ body: (DemoDaemon, HTTPClient, String) async throws -> Void) async throws {
        try await DemoDaemon.run { demo in
            let cookie = try #require(try await demo.client.login(token: demo.loginToken))
            var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow)
            configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 64)
            let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
            do {
                try await body(demo, http, cookie)
            } catch {
                try? await http.shutdown()
                throw error
            }
            try await http.shutdown()
        }
    }

    /// Asks the demo to present `patient` (the events tell when it is done).
    static func present(_ patient: String, _ demo: DemoDaemon, _ cookie: String) async throws {
        let answer = try await demo.client.send(.POST, "/api/v1/demo/present", headers: [
            ("Cookie", cookie), ("Content-Type", "application/json"), ("Origin", demo.origin),
        ], body: #"{"patient":"\#(patient)"}"#)
        #expect(answer.status == 202, "\(answer.body)")
    }

    /// Ids strictly increase; `event:` and the data's `type` agree; the presentation's events come
    /// in pipeline order, all of one session, and nothing of that session follows its result.
    static func expectPresentationOrder(_ events: [ReceivedEvent], sourceLocation: SourceLocation = #_sourceLocation) {
        let ids = events.map(\.id)
        #expect(zip(ids, ids.dropFirst()).allSatisfy { $0 < $1 }, "ids: \(ids)", sourceLocation: sourceLocation)
        #expect(events.allSatisfy { $0.type == $0.dataType }, sourceLocation: sourceLocation)
        guard let start = events.firstIndex(where: { $0.type == "scanReceived" }),
              let end = events.firstIndex(where: { $0.type == "result" }) else {
            Issue.record("no scanReceived…result in \(events.map(\.type))", sourceLocation: sourceLocation)
            return
        }
        let session = events[start...end].filter { $0.type != "status" }
        var collapsed: [String] = []
        for event in session where collapsed.last != event.type { collapsed.append(event.type) }
        #expect(collapsed == presentation, "order: \(session.map(\.type))", sourceLocation: sourceLocation)
        let sessions = Set(session.map { $0.sessionID ?? "none" })
        #expect(sessions.count == 1 && !sessions.contains("none"), "sessions: \(sessions)", sourceLocation: sourceLocation)
    }
}
