/// A source of scanned QR payloads: a serial or HID POS scanner, a keyboard-wedge scanner, a camera.
///
/// One method, in the spirit of swift-service-lifecycle's `Service`: `scan` runs until its task is
/// cancelled, delivering events as they happen. A source recovers from its device disappearing
/// (unplugged scanner, re-enumerated tty) by itself and reports that as events; it throws only for
/// problems a retry cannot fix (bad configuration, permission denied), so the daemon can tell the
/// admin what to change. Cancellation ends `scan` normally (it returns, it does not throw).
public protocol ScanSource: Sendable {
    /// A human-readable name for logs and `cccdctl scanners` (a device path, never scanned data).
    var name: String { get }

    /// Reads until cancelled, handing every event to `deliver` in order.
    ///
    /// The device is not read while `deliver` runs, so it should return quickly (hand the payload
    /// to a queue, not read the chip inside it): kernel buffers are small — an evdev client holds
    /// as few as 64 key events — and a keyboard-wedge scan typed meanwhile would lose keys
    /// (reported as `.mangled`).
    func scan(_ deliver: @escaping @Sendable (ScanEvent) async -> Void) async throws
}

/// What a ``ScanSource`` reports.
///
/// `discarded` and `degraded` were added to the original three cases: without them a scan that is
/// too long or a malformed HID report would vanish silently (the patient waits for nothing), and a
/// keyboard-wedge scanner whose keystrokes also reach the desktop could not be reported to the admin.
public enum ScanEvent: Sendable, Equatable {
    /// A complete payload, framed and reassembled.
    case payload(ScannedPayload)
    /// The device is open and reading.
    case connected
    /// The device went away or failed; the source keeps trying to reopen it. `reason` never
    /// contains scanned data.
    case disconnected(reason: String)
    /// Bytes arrived that could not become a payload (frame too long, malformed HID report); they
    /// were dropped whole. The kiosk can ask the patient to scan again.
    case discarded(ScannerError)
    /// The device reads, but not as configured (e.g. keystrokes could not be grabbed from the
    /// desktop session); the admin should act.
    case degraded(ScannerError)
}
