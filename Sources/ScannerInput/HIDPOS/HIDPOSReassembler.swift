/// Joins the reports of one HID POS scan into one payload (pure: tests feed it reports).
///
/// A scan longer than one report's data area (56 bytes on Honeywell) arrives as several reports,
/// each but the last flagged "more follows". Any malformed report drops the whole scan in
/// progress — nothing is half-accepted: the reports that still belong to the broken scan are
/// skipped up to its last one, so its tail never surfaces as a payload of its own. A scan that
/// grows past the limit is counted and dropped at its last report, keeping memory bounded.
public struct HIDPOSReassembler: Sendable {
    public enum Output: Sendable, Equatable {
        case payload([UInt8], symbologyIdentifier: [UInt8]?)
        case rejected(ScannerError)
    }

    public let configuration: HIDPOSConfiguration
    private var pending: [UInt8] = []
    private var symbology: [UInt8]?
    private var inProgress = false
    private var oversizeCount = 0
    private var skippingBrokenScan = false

    public init(configuration: HIDPOSConfiguration) {
        self.configuration = configuration
    }

    /// True while a scan waits for its next report.
    public var isReassembling: Bool { inProgress || skippingBrokenScan }

    public mutating func consume(report bytes: [UInt8]) -> Output? {
        let report: HIDPOSReport
        do {
            report = try HIDPOSReport(bytes, configuration: configuration, continuing: inProgress)
        } catch {
            let announcedMore = bytes.last.map { $0 & 0x01 != 0 } ?? false
            let wasInProgress = inProgress || skippingBrokenScan
            reset()
            skippingBrokenScan = wasInProgress || announcedMore
            return .rejected(error)
        }
        if skippingBrokenScan {
            skippingBrokenScan = report.moreFollows
            return nil
        }
        if !inProgress { symbology = report.symbologyIdentifier }
        inProgress = true
        if oversizeCount > 0 || pending.count + report.data.count > configuration.maximumPayloadLength {
            oversizeCount = (oversizeCount > 0 ? oversizeCount : pending.count) + report.data.count
            pending = []
        } else {
            pending += report.data
        }
        guard !report.moreFollows else { return nil }
        defer { reset() }
        if oversizeCount > 0 {
            return .rejected(.frameTooLong(byteCount: oversizeCount, limit: configuration.maximumPayloadLength))
        }
        return pending.isEmpty ? nil : .payload(pending, symbologyIdentifier: symbology)
    }

    /// The next report did not come in time: the scan in progress is dropped.
    public mutating func abandon() -> Output? {
        skippingBrokenScan = false
        guard inProgress else { return nil }
        reset()
        return .rejected(.hidIncompletePayload)
    }

    private mutating func reset() {
        pending = []
        symbology = nil
        inProgress = false
        oversizeCount = 0
    }
}
