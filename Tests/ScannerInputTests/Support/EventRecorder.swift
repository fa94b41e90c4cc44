import ScannerInput

/// Collects a source's events so a test can wait — with a bound — for what it expects.
actor EventRecorder {
    private(set) var events: [ScanEvent] = []

    func record(_ event: ScanEvent) { events.append(event) }

    var payloads: [ScannedPayload] {
        events.compactMap { if case .payload(let payload) = $0 { payload } else { nil } }
    }

    func count(of matching: (ScanEvent) -> Bool) -> Int { events.filter(matching).count }

    /// Waits until `condition` holds for the events so far. The bound is a safety net so a broken
    /// source fails the test instead of hanging the suite; it is not a performance assertion.
    func wait(
        for what: String,
        within bound: Duration = .seconds(15),
        until condition: ([ScanEvent]) -> Bool
    ) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + bound
        while !condition(events) {
            guard clock.now < deadline else {
                throw TestFailure("timed out waiting for \(what); events so far: \(events.map(Self.summary))")
            }
            try await Task.sleep(for: .milliseconds(5))
        }
    }

    func waitForPayloads(_ count: Int) async throws {
        try await wait(for: "\(count) payload(s)") { events in
            events.filter { if case .payload = $0 { true } else { false } }.count >= count
        }
    }

    func waitForConnections(_ count: Int) async throws {
        try await wait(for: "\(count) connection(s)") { $0.filter { $0 == .connected }.count >= count }
    }

    /// Events without payload bytes, for failure messages.
    static func summary(_ event: ScanEvent) -> String {
        switch event {
        case .payload(let payload): "payload(\(payload.bytes.count) bytes)"
        case .connected: "connected"
        case .disconnected: "disconnected"
        case .discarded(let error): "discarded(\(error.code))"
        case .degraded(let error): "degraded(\(error.code))"
        }
    }
}

/// Runs `source` in a task for the duration of `body`, then cancels it and waits for it to end,
/// so no reader thread or descriptor outlives the test.
func withRunning<Source: ScanSource, T>(
    _ source: Source,
    _ body: (EventRecorder) async throws -> T
) async throws -> T {
    let recorder = EventRecorder()
    let task = Task { try await source.scan { await recorder.record($0) } }
    do {
        let result = try await body(recorder)
        task.cancel()
        try await task.value
        return result
    } catch {
        task.cancel()
        _ = try? await task.value
        throw error
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
