import Foundation
import Testing
import CCCDTestSupport
@testable import ScannerInput

/// The hidraw path end to end: recorded reports written into a FIFO the source opens as its
/// device node, one report per `read()` as hidraw delivers them.
@Suite("HID POS scanner reading recorded reports")
struct HIDRawScanSourceTests {
    private func source(_ path: String) -> HIDRawScanSource {
        HIDRawScanSource(
            path: path, configuration: HIDPOSConfiguration(continuationTimeout: .seconds(5)),
            reconnect: ReconnectPolicy(initialDelay: .milliseconds(10), maximumDelay: .milliseconds(50)))
    }

    @Test("multi-report scans, a malformed report between them, and the device closing")
    func recordedSession() async throws {
        try await withTemporaryDirectory { folder in
            let fifo = try FIFO(in: folder, name: "hidraw0")
            var malformed = HoneywellReports.reports(for: Array("X".utf8))[0]
            malformed[1] = 120
            let records = HoneywellReports.reports(for: Samples.cccd2021Bytes)
                + [malformed]
                + HoneywellReports.reports(for: Samples.cccd2024Bytes)
            let events = try await withRunning(source(fifo.path)) { recorder in
                try await recorder.waitForConnections(1)
                try fifo.write(records: records)
                try await recorder.waitForPayloads(2)
                try await recorder.wait(for: "disconnect after the writer closed") {
                    $0.contains { if case .disconnected = $0 { true } else { false } }
                }
                return await recorder.events
            }
            let payloads = events.compactMap { if case .payload(let p) = $0 { p } else { nil } }
            #expect(payloads == [
                ScannedPayload(bytes: Samples.cccd2021Bytes, transport: .hidPOS),
                ScannedPayload(bytes: Samples.cccd2024Bytes, transport: .hidPOS),
            ])
            let discarded = events.compactMap { if case .discarded(let e) = $0 { e.code } else { nil } }
            #expect(discarded == ["scanner.hidpos.lengthExceedsReport"])
        }
    }

    @Test("a scan cut off mid-way is dropped as incomplete when the next report never comes")
    func cutOff() async throws {
        try await withTemporaryDirectory { folder in
            let fifo = try FIFO(in: folder, name: "hidraw1")
            let short = HIDRawScanSource(
                path: fifo.path, configuration: HIDPOSConfiguration(continuationTimeout: .milliseconds(50)),
                reconnect: ReconnectPolicy(initialDelay: .seconds(30), maximumDelay: .seconds(30)))
            let first = HoneywellReports.reports(for: Samples.cccd2021Bytes)[0]
            let events = try await withRunning(short) { recorder in
                try await recorder.waitForConnections(1)
                let fd = try FIFOWriter(path: fifo.path)
                try fd.write(first)
                try await recorder.wait(for: "the incomplete scan") {
                    $0.contains { if case .discarded = $0 { true } else { false } }
                }
                fd.close()
                return await recorder.events
            }
            #expect(events.contains(.discarded(.hidIncompletePayload)))
            #expect(!events.contains { if case .payload = $0 { true } else { false } })
        }
    }

    @Test("a hidraw node whose descriptor is a keyboard's is reported as degraded; a POS one is not")
    func wrongInterface() async throws {
        try await withTemporaryDirectory { folder in
            let sysfs = try FakeSysfs(in: folder)
            for (name, descriptor) in [("hidraw5", FakeKiosk.keyboardDescriptor), ("hidraw6", FakeKiosk.posDescriptor)] {
                let device = sysfs.sysfsRoot.appendingPathComponent("class/hidraw/\(name)/device")
                try FileManager.default.createDirectory(at: device, withIntermediateDirectories: true)
                try Data(descriptor).write(to: device.appendingPathComponent("report_descriptor"))
            }
            for (name, expectNotice) in [("hidraw5", true), ("hidraw6", false)] {
                let fifo = try FIFO(in: folder, name: name)
                let source = HIDRawScanSource(
                    path: fifo.path, reconnect: ReconnectPolicy(initialDelay: .seconds(30), maximumDelay: .seconds(30)),
                    sysfsRoot: sysfs.sysfsRoot.path)
                let events = try await withRunning(source) { recorder in
                    try await recorder.waitForConnections(1)
                    let writer = try FIFOWriter(path: fifo.path)
                    try writer.write(HoneywellReports.reports(for: Array("OK".utf8))[0])
                    try await recorder.waitForPayloads(1)
                    writer.close()
                    return await recorder.events
                }
                let notices = events.compactMap { if case .degraded(let e) = $0 { e } else { nil } }
                #expect(notices.map(\.code) == (expectNotice ? ["scanner.hidpos.notBarcodeScanner"] : []))
                #expect(notices.first.map { $0.message.en.contains("but a keyboard") } ?? true)
            }
        }
    }
}
