import Foundation
import Testing
import CCCDTestSupport
@testable import ScannerInput

/// The serial path end to end through real pseudo-terminals: the test plays the scanner on the
/// master side, the source opens the slave path in raw mode exactly as it opens `/dev/ttyACM0`.
@Suite("Serial scanner over a real pseudo-terminal")
struct SerialScanSourceTests {
    private static let fast = ReconnectPolicy(initialDelay: .milliseconds(10), maximumDelay: .milliseconds(50))

    private func source(
        _ path: String, _ terminator: SerialConfiguration.Terminator,
        interByteTimeout: Duration = .seconds(5), maximumFrameLength: Int = 4096
    ) -> SerialScanSource {
        SerialScanSource(
            path: path,
            configuration: SerialConfiguration(
                baudRate: 115200, terminator: terminator,
                interByteTimeout: interByteTimeout, maximumFrameLength: maximumFrameLength),
            reconnect: Self.fast)
    }

    private static let suffixes: [(SerialConfiguration.Terminator, [UInt8])] = [
        (.carriageReturn, [0x0D]), (.lineFeed, [0x0A]), (.carriageReturnLineFeed, [0x0D, 0x0A]),
    ]

    @Test("frames on each suffix with slow, chunked writes", arguments: [0, 1, 2])
    func framesOnSuffix(index: Int) async throws {
        let (terminator, suffix) = Self.suffixes[index]
        let pty = try PseudoTerminal()
        let scans = [Samples.cccd2021Bytes, Samples.cccd2024Bytes]
        let payloads = try await withRunning(source(pty.slavePath, terminator)) { recorder in
            try await recorder.waitForConnections(1)
            for scan in scans {
                // 5-byte chunks split UTF-8 sequences and the CRLF pair across writes.
                let stream = scan + suffix
                for start in stride(from: 0, to: stream.count, by: 5) {
                    try pty.write(Array(stream[start..<min(start + 5, stream.count)]))
                    try await Task.sleep(for: .milliseconds(2))
                }
            }
            try await recorder.waitForPayloads(2)
            return await recorder.payloads
        }
        #expect(payloads.map(\.bytes) == scans)
        #expect(payloads.allSatisfy { $0.transport == .serial && $0.fidelity == .exact })
    }

    @Test("without a suffix the inter-byte timeout ends the frame")
    func interByteTimeoutEndsFrame() async throws {
        let pty = try PseudoTerminal()
        let payloads = try await withRunning(
            source(pty.slavePath, .none, interByteTimeout: .milliseconds(150))
        ) { recorder in
            try await recorder.waitForConnections(1)
            try pty.write(Samples.cccd2021Bytes)
            try await recorder.waitForPayloads(1)
            try pty.write(Samples.cccd2024Bytes)
            try await recorder.waitForPayloads(2)
            return await recorder.payloads
        }
        #expect(payloads.map(\.bytes) == [Samples.cccd2021Bytes, Samples.cccd2024Bytes])
    }

    @Test("several scans in one write become several payloads")
    func burstOfScans() async throws {
        let pty = try PseudoTerminal()
        let payloads = try await withRunning(source(pty.slavePath, .carriageReturn)) { recorder in
            try await recorder.waitForConnections(1)
            try pty.write(Samples.cccd2021Bytes + [0x0D] + Samples.cccd2024Bytes + [0x0D] + Array("X".utf8) + [0x0D])
            try await recorder.waitForPayloads(3)
            return await recorder.payloads
        }
        #expect(payloads.map(\.bytes) == [Samples.cccd2021Bytes, Samples.cccd2024Bytes, Array("X".utf8)])
    }

    @Test("an oversize frame is discarded with a typed error and the next scan still arrives")
    func oversizeFrame() async throws {
        let pty = try PseudoTerminal()
        let events = try await withRunning(
            source(pty.slavePath, .carriageReturn, maximumFrameLength: 512)
        ) { recorder in
            try await recorder.waitForConnections(1)
            try pty.write([UInt8](repeating: 0x37, count: 3000) + [0x0D])
            try pty.write(Samples.cccd2021Bytes + [0x0D])
            try await recorder.waitForPayloads(1)
            return await recorder.events
        }
        let discarded = events.compactMap { if case .discarded(let error) = $0 { error } else { nil } }
        #expect(discarded.map(\.code) == ["scanner.frame.tooLong"])
        #expect(discarded.first?.message.en.contains("3000") == true)
        #expect(events.last == .payload(ScannedPayload(bytes: Samples.cccd2021Bytes, transport: .serial)))
    }

    @Test("unplug and replug: disconnected, then connected again on the new device")
    func reconnectsAfterUnplug() async throws {
        try await withTemporaryDirectory { folder in
            let link = folder.appendingPathComponent("scanner0").path
            let first = try PseudoTerminal()
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: first.slavePath)
            let (events, second) = try await withRunning(source(link, .carriageReturn)) { recorder in
                try await recorder.waitForConnections(1)
                try first.write(Samples.cccd2021Bytes + [0x0D])
                try await recorder.waitForPayloads(1)

                // Replug order matters: the link moves to the new device before the old one is
                // closed, so it never points at a freed pts number another test may be given.
                let second = try PseudoTerminal()
                try FileManager.default.removeItem(atPath: link)
                try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: second.slavePath)
                first.close()
                try await recorder.wait(for: "disconnect") { $0.contains { if case .disconnected = $0 { true } else { false } } }
                try await recorder.waitForConnections(2)
                try second.write(Samples.cccd2024Bytes + [0x0D])
                try await recorder.waitForPayloads(2)
                #expect(openDescriptors(on: second.slavePath) == 1)
                return (await recorder.events, second)
            }
            // Once the source has ended, nothing is left open on the device it was reading.
            #expect(openDescriptors(on: second.slavePath) == 0)
            second.close()
            let kinds = events.map(EventRecorder.summary)
            #expect(Array(kinds.prefix(3)) == ["connected", "payload(\(Samples.cccd2021Bytes.count) bytes)", "disconnected"])
            #expect(events.filter { $0 == .connected }.count == 2)
            #expect(events.last == .payload(ScannedPayload(bytes: Samples.cccd2024Bytes, transport: .serial)))
        }
    }

    @Test("a device missing at start is reported once, then picked up when it appears")
    func missingAtStart() async throws {
        try await withTemporaryDirectory { folder in
            let link = folder.appendingPathComponent("ttyACM-late").path
            let events = try await withRunning(source(link, .carriageReturn)) { recorder in
                try await recorder.wait(for: "absence") { !$0.isEmpty }
                let pty = try PseudoTerminal()
                try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: pty.slavePath)
                try await recorder.waitForConnections(1)
                try pty.write(Array("late\r".utf8))
                try await recorder.waitForPayloads(1)
                return await recorder.events
            }
            guard case .disconnected(let reason) = events.first else {
                Issue.record("expected a disconnected event first")
                return
            }
            #expect(reason.contains(link))
            #expect(events.filter { if case .disconnected = $0 { true } else { false } }.count == 1)
        }
    }

    @Test("a file that is not a tty is a configuration error, thrown at once")
    func notATerminal() async throws {
        try await withTemporaryDirectory { folder in
            let file = folder.appendingPathComponent("plain").path
            #expect(FileManager.default.createFile(atPath: file, contents: Data()))
            await #expect(throws: ScannerError.self) {
                try await source(file, .carriageReturn).scan { _ in }
            }
            do {
                try await source(file, .carriageReturn).scan { _ in }
            } catch let error as ScannerError {
                #expect(error.code == "scanner.serial.notATerminal")
                #expect(error.recovery == .reconfigure)
            }
        }
    }

    @Test("an unsupported baud rate is rejected before opening anything")
    func unsupportedBaud() async throws {
        let bad = SerialScanSource(path: "/nonexistent", configuration: SerialConfiguration(baudRate: 12345))
        do {
            try await bad.scan { _ in }
            Issue.record("expected an error")
        } catch let error as ScannerError {
            #expect(error.code == "scanner.serial.unsupportedBaudRate")
        }
    }

    @Test("impossible settings of every source are rejected before any device is opened")
    func invalidConfigurations() async {
        let sources: [any ScanSource] = [
            SerialScanSource(path: "/nonexistent", configuration: SerialConfiguration(maximumFrameLength: 0)),
            SerialScanSource(path: "/nonexistent", configuration: SerialConfiguration(interByteTimeout: .zero)),
            HIDRawScanSource(path: "/nonexistent", configuration: HIDPOSConfiguration(reportSize: 3)),
            HIDRawScanSource(path: "/nonexistent", configuration: HIDPOSConfiguration(continuationTimeout: .zero)),
            KeyboardWedgeScanSource(path: "/nonexistent", configuration: KeyboardWedgeConfiguration(maximumLength: 0)),
        ]
        for source in sources {
            do {
                try await source.scan { _ in }
                Issue.record("expected a configuration error")
            } catch let error as ScannerError {
                #expect(error.code == "scanner.config.invalid")
                #expect(error.recovery == .reconfigure)
            } catch {
                Issue.record("unexpected \(error)")
            }
        }
    }

    @Test("cancellation ends a scan that is waiting for bytes")
    func cancellationIsPrompt() async throws {
        let pty = try PseudoTerminal()
        let recorder = EventRecorder()
        let task = Task { try await source(pty.slavePath, .carriageReturn).scan { await recorder.record($0) } }
        try await recorder.waitForConnections(1)
        #expect(openDescriptors(on: pty.slavePath) == 1)
        task.cancel()
        try await task.value
        #expect(await recorder.events == [.connected])
        #expect(openDescriptors(on: pty.slavePath) == 0)
    }
}
