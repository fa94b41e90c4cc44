/// How the patient's identity reached the kiosk; stored as the raw string.
public enum InputSource: String, Sendable, Hashable, CaseIterable, Codable {
    /// The QR printed on the chip ID card (CCCD).
    case cccdQr
    /// The card's chip, read over NFC/PC/SC.
    case chip
    /// The QR shown by the VNeID app.
    case vneidQr
    /// The QR on a health-insurance (BHYT) card.
    case bhytQr
    /// Typed in by reception staff.
    case manual

    /// Whether the presentation used the citizen identity card (chip, its QR, or VNeID): the
    /// "check-in by CCCD" the province reports count (spec bhxh-gateway.md §7).
    public var isCCCD: Bool {
        switch self {
        case .cccdQr, .chip, .vneidQr: true
        case .bhytQr, .manual: false
        }
    }
}
