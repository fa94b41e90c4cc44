/// How a HID POS scanner's input reports are laid out and reassembled.
///
/// The layout follows Honeywell's HID POS reports: byte 0 report ID 0x02, byte 1 the number of
/// payload bytes in this report, then the AIM symbology identifier (`]Q1` for QR), the payload,
/// and a last byte whose bit 0 says more reports follow. [?] linux-integration.md describes the
/// AIM identifier at the start of the *first* report only; reports captured from a Honeywell
/// Voyager carry it in bytes 2–4 of *every* report, with byte 1 counting the bytes after it.
/// Both are supported through ``aimIdentifier``; the captured behaviour is the default.
public struct HIDPOSConfiguration: Sendable, Hashable {
    /// Where the 3-byte AIM symbology identifier sits.
    public enum AIMIdentifierPlacement: String, Sendable, Hashable, CaseIterable, Codable {
        /// Bytes 2–4 of every report (Honeywell, as captured); byte 1 counts the payload after it.
        case everyReport
        /// Bytes 2–4 of the first report of a payload only; continuation data starts at byte 2.
        case firstReportOnly
        /// No identifier: the payload starts at byte 2 of every report.
        case absent
    }

    /// The input report ID of scanned data.
    public var reportID: UInt8
    /// The size of one input report, including the report ID byte (the read size).
    public var reportSize: Int
    public var aimIdentifier: AIMIdentifierPlacement
    /// Longest reassembled payload accepted; longer ones are discarded whole.
    public var maximumPayloadLength: Int
    /// A payload whose next report does not arrive within this time is dropped as incomplete.
    public var continuationTimeout: Duration

    public init(
        reportID: UInt8 = 0x02,
        reportSize: Int = 64,
        aimIdentifier: AIMIdentifierPlacement = .everyReport,
        maximumPayloadLength: Int = 4096,
        continuationTimeout: Duration = .seconds(1)
    ) {
        self.reportID = reportID
        self.reportSize = reportSize
        self.aimIdentifier = aimIdentifier
        self.maximumPayloadLength = maximumPayloadLength
        self.continuationTimeout = continuationTimeout
    }

    func validate() throws(ScannerError) {
        guard reportSize >= HIDPOSReport.minimumSize, reportSize <= 4096 else {
            throw .invalidConfiguration("reportSize must be between \(HIDPOSReport.minimumSize) and 4096")
        }
        guard maximumPayloadLength > 0 else {
            throw .invalidConfiguration("maximumPayloadLength must be positive")
        }
        guard continuationTimeout > .zero else {
            throw .invalidConfiguration("continuationTimeout must be positive")
        }
    }
}
