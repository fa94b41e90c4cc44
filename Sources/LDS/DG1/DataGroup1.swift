public import CCCDIdentity
import ChipProtocol

/// DG1 (Doc 9303-10 §4.7.1): the machine-readable zone, `61 L 5F1F L <MRZ characters>`.
///
/// The chip stores the zone as one string without line breaks: 90 characters for a TD1 card
/// (every CCCD), 72 for TD2, 88 for TD3 passports. All three parse, check digits verified.
public struct DataGroup1: Sendable, Hashable {
    public let mrz: MachineReadableZone
    /// The file exactly as read.
    public let encoded: [UInt8]

    /// - Throws: ``LDSError`` for a broken structure, `MRZError` for a zone that fails its checks.
    public init(encoded bytes: [UInt8]) throws {
        let value = try ASN1Parsing.fileValue(bytes, file: .dataGroup(.dg1), reason: .malformedDG1)
        let objects = try ASN1Parsing.parse(.malformedDG1) { try TLV.decodeSequence(value) }
        let zone = try ASN1Parsing.parse(.malformedDG1) { try objects.required(tag: 0x5F1F).value }
        guard zone.allSatisfy({ $0 < 0x80 }) else {
            throw LDSError(.malformedDG1, diagnostic: "non-ASCII byte in the MRZ")
        }
        mrz = try MachineReadableZone(parsing: String(decoding: zone, as: UTF8.self))
        encoded = bytes
    }

    /// The 12-digit ID of a Vietnamese TD1 card (its optional data), nil for other documents.
    public var personalID: PersonalID? {
        get throws(MRZError) { try VietnameseMRZ.personalID(in: mrz) }
    }

    /// Builds DG1 from MRZ lines (e.g. `VietnameseMRZ.td1Lines`), concatenated as the chip stores them.
    public static func encode(lines: [String]) throws(LDSError) -> [UInt8] {
        let zone = Array(lines.joined().utf8)
        guard [90, 72, 88].contains(zone.count), zone.allSatisfy({ $0 < 0x80 }) else {
            throw LDSError(.invalidBuilderInput, diagnostic: "MRZ of \(zone.count) characters")
        }
        return TLV(tag: 0x61, value: TLV(tag: 0x5F1F, value: zone).encoded).encoded
    }

    /// Builds DG1 from a parsed zone.
    public static func encode(_ mrz: MachineReadableZone) throws(LDSError) -> [UInt8] {
        try encode(lines: mrz.lines)
    }
}
