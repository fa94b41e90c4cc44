import Testing
@testable import ScannerInput

/// The libusb path cannot read reports without a real scanner (see `USBHIDPOSScanSource`); what
/// can run here is libusb's initialisation and device enumeration, and the source's handling of
/// a device that is not attached.
@Suite("HID POS over libusb, without hardware")
struct USBHIDPOSScanSourceTests {
    @Test("an absent device is reported once as disconnected, and the source keeps waiting")
    func absentDevice() async throws {
        let source = USBHIDPOSScanSource(
            vendorID: 0xFFFE, productID: 0x0001,
            reconnect: ReconnectPolicy(initialDelay: .milliseconds(10), maximumDelay: .milliseconds(20)))
        let recorder = EventRecorder()
        let task = Task { try await source.scan { await recorder.record($0) } }
        try await recorder.wait(for: "the absence report") { !$0.isEmpty }
        // Several retries happen meanwhile; none is reported again.
        try await Task.sleep(for: .milliseconds(100))
        task.cancel()
        try await task.value
        let events = await recorder.events
        #expect(events.count == 1)
        guard case .disconnected(let reason) = events.first else {
            Issue.record("expected disconnected, got \(events.map(EventRecorder.summary))")
            return
        }
        #expect(reason.contains("fffe:0001"))
    }
}
