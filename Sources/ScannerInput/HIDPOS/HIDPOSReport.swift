/// One HID POS input report, checked and taken apart (pure: tests feed it bytes).
///
/// Every field is bounds-checked against the report actually read: a length byte that points past
/// the report, a report too short to hold its header, or a foreign report ID is a typed error,
/// never an index out of range.
public struct HIDPOSReport: Sendable, Equatable {
    /// The AIM symbology identifier (`]Q1`), when the report carries one.
    public var symbologyIdentifier: [UInt8]?
    public var data: [UInt8]
    /// Bit 0 of the last byte: another report continues this payload.
    public var moreFollows: Bool

    /// Report ID, length, and the continuation byte, plus a 3-byte AIM identifier.
    static let minimumSize = 6

    /// Parses `bytes`; `continuing` says whether an earlier report announced this one (it then
    /// has no AIM identifier under ``HIDPOSConfiguration/AIMIdentifierPlacement/firstReportOnly``).
    public init(
        _ bytes: [UInt8], configuration: HIDPOSConfiguration, continuing: Bool
    ) throws(ScannerError) {
        guard bytes.count >= Self.minimumSize else { throw .hidReportTooShort(bytes.count) }
        guard bytes[0] == configuration.reportID else {
            throw .hidUnexpectedReportID(bytes[0], expected: configuration.reportID)
        }
        let hasIdentifier = switch configuration.aimIdentifier {
        case .everyReport: true
        case .firstReportOnly: !continuing
        case .absent: false
        }
        let dataStart = hasIdentifier ? 5 : 2
        let length = Int(bytes[1])
        let flagIndex = bytes.count - 1
        guard dataStart + length <= flagIndex else {
            throw .hidLengthExceedsReport(length: length, reportSize: bytes.count)
        }
        if hasIdentifier {
            let identifier = Array(bytes[2..<5])
            guard Self.isAIMIdentifier(identifier) else { throw .hidMissingSymbologyIdentifier }
            symbologyIdentifier = identifier
        } else {
            symbologyIdentifier = nil
        }
        data = Array(bytes[dataStart..<(dataStart + length)])
        moreFollows = bytes[flagIndex] & 0x01 != 0
    }

    /// `]`, a symbology letter, a modifier character (ISO/IEC 15424).
    static func isAIMIdentifier(_ bytes: [UInt8]) -> Bool {
        guard bytes.count == 3, bytes[0] == UInt8(ascii: "]") else { return false }
        let isLetter = { (byte: UInt8) in (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
        let isModifier = { (byte: UInt8) in isLetter(byte) || (0x30...0x39).contains(byte) }
        return isLetter(bytes[1]) && isModifier(bytes[2])
    }
}
