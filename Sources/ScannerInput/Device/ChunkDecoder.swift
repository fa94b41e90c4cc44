/// Turns the chunks one connection delivers into scan events.
///
/// Pure logic, no I/O: each transport's framer or reassembler conforms, and tests feed it bytes.
/// A fresh decoder starts with every connection, so half a frame from before an unplug never
/// prefixes the next scan.
protocol ChunkDecoder {
    /// How long to wait for more bytes before calling ``quiet()``; nil while nothing is pending.
    var quietDeadline: Duration? { get }
    /// The largest chunk worth reading at once (one HID report; a multiple of an input event).
    var readSize: Int { get }
    mutating func consume(_ chunk: [UInt8]) -> [ScanEvent]
    /// No byte arrived for ``quietDeadline``.
    mutating func quiet() -> [ScanEvent]
}

/// An opened device plus anything the admin should hear about it (e.g. keystrokes not grabbed).
struct OpenedDevice: Sendable {
    var device: any BlockingDevice
    var notices: [ScannerError] = []
}
