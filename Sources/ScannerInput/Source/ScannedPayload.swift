/// The raw bytes of one scan, as the device delivered them, with how far they can be trusted.
///
/// Bytes, not a `String`: the QR on a CCCD is UTF-8 with Vietnamese diacritics, and only the
/// identity parser decides how to decode it (BOM, NFC). A keyboard-wedge scanner cannot carry those
/// letters faithfully, so its payloads say so through ``Fidelity`` instead of pretending.
public struct ScannedPayload: Sendable, Equatable {
    public enum Fidelity: Sendable, Equatable {
        /// The transport carries bytes exactly (serial, HID POS, camera).
        case exact
        /// The transport lost or rewrote characters (keyboard wedge); `reason` says which.
        case mangled(reason: String)
    }

    public enum Transport: String, Sendable, Equatable, Codable {
        case serial
        case hidPOS
        case keyboardWedge
        case camera
        case image
    }

    public var bytes: [UInt8]
    public var transport: Transport
    public var fidelity: Fidelity

    public init(bytes: [UInt8], transport: Transport, fidelity: Fidelity = .exact) {
        self.bytes = bytes
        self.transport = transport
        self.fidelity = fidelity
    }
}
