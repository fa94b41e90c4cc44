/// A source of scanned QR payloads: a serial or HID POS scanner, a keyboard-wedge scanner, a camera.
///
/// One method, in the spirit of swift-service-lifecycle's `Service`: `scan` runs until its task is
/// cancelled, delivering events as they happen. A source recovers from its device disappearing
/// (unplugged scanner, re-enumerated tty) by itself and reports that as events; it throws only for
/// problems a retry cannot fix (bad configuration, permission denied), so the daemon can tell the
/// admin what to change.
public protocol ScanSource: Sendable {
    /// A human-readable name for logs and `cccdctl scanners` (a device path, never scanned data).
    var name: String { get }

    /// Reads until cancelled, handing every event to `deliver` in order.
    func scan(_ deliver: @escaping @Sendable (ScanEvent) async -> Void) async throws
}

/// What a ``ScanSource`` reports.
public enum ScanEvent: Sendable, Equatable {
    /// A complete payload, framed and reassembled.
    case payload(ScannedPayload)
    /// The device is open and reading.
    case connected
    /// The device went away or failed; the source keeps trying to reopen it.
    case disconnected(reason: String)
}
