import Testing
import CCCDTestSupport
@testable import ScannerInput

/// The evdev path end to end: a recorded `input_event` stream written into a FIFO that the source
/// opens as its event node. A FIFO cannot be grabbed, which the source reports as `.degraded`.
@Suite("Keyboard-wedge scanner reading a recorded event stream")
struct KeyboardWedgeScanSourceTests {
    @Test("two scans, the grab failure reported, the device closing")
    func recordedSession() async throws {
        try await withTemporaryDirectory { folder in
            let fifo = try FIFO(in: folder, name: "event7")
            let source = KeyboardWedgeScanSource(
                path: fifo.path,
                reconnect: ReconnectPolicy(initialDelay: .milliseconds(10), maximumDelay: .milliseconds(50)))
            let stream = WedgeTyping.records(
                WedgeTyping.type(Samples.cccd2021, nonASCII: .unicodeAlt) + WedgeTyping.type(Samples.cccd2024, nonASCII: .codePage1252))
            let events = try await withRunning(source) { recorder in
                try await recorder.waitForConnections(1)
                // Odd-sized records split input_event structs across writes.
                try fifo.write(records: stride(from: 0, to: stream.count, by: 1000).map {
                    Array(stream[$0..<min($0 + 1000, stream.count)])
                })
                try await recorder.waitForPayloads(2)
                try await recorder.wait(for: "disconnect") { $0.contains { if case .disconnected = $0 { true } else { false } } }
                return await recorder.events
            }
            guard case .degraded(let notice) = events.dropFirst().first else {
                Issue.record("expected the grab failure right after connecting")
                return
            }
            #expect(notice.code == "scanner.wedge.notGrabbed")
            let payloads = events.compactMap { if case .payload(let p) = $0 { p } else { nil } }
            #expect(payloads.count == 2)
            #expect(payloads.first == ScannedPayload(bytes: Samples.cccd2021Bytes, transport: .keyboardWedge, fidelity: .exact))
            guard case .mangled = payloads.last?.fidelity else {
                Issue.record("a CP1252-typed CCCD payload must be mangled")
                return
            }
        }
    }

    @Test("with grabbing off nothing is reported; a scan without Enter ends on the inter-key timeout")
    func noGrabNoEnter() async throws {
        try await withTemporaryDirectory { folder in
            let fifo = try FIFO(in: folder, name: "event8")
            let source = KeyboardWedgeScanSource(
                path: fifo.path,
                configuration: KeyboardWedgeConfiguration(grabKeystrokes: false, interKeyTimeout: .milliseconds(100)),
                reconnect: ReconnectPolicy(initialDelay: .seconds(30), maximumDelay: .seconds(30)))
            let events = try await withRunning(source) { recorder in
                try await recorder.waitForConnections(1)
                let writer = try FIFOWriter(path: fifo.path)
                try writer.write(WedgeTyping.records(WedgeTyping.type("BN123", enterAtEnd: false)))
                try await recorder.waitForPayloads(1)
                writer.close()
                return await recorder.events
            }
            #expect(Array(events.prefix(2)) == [.connected, .payload(ScannedPayload(bytes: Array("BN123".utf8), transport: .keyboardWedge))])
        }
    }
}
