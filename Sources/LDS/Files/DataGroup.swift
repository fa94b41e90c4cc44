/// The sixteen data groups of ICAO Doc 9303-10 §4.6, with the identifiers a reader needs to
/// select and recognise them.
public enum DataGroup: Int, Sendable, Hashable, Comparable, CaseIterable, CustomStringConvertible {
    case dg1 = 1, dg2, dg3, dg4, dg5, dg6, dg7, dg8, dg9, dg10, dg11, dg12, dg13, dg14, dg15, dg16

    /// The number 1…16, as in the LDS security object's DataGroupHash.
    public var number: Int { rawValue }

    /// `DG1`…`DG16`: the name operators, file names (`DG13.bin`) and logs use.
    public var description: String { "DG\(rawValue)" }

    /// 0101…0110.
    public var fileID: UInt16 { 0x0100 + UInt16(rawValue) }

    /// The short EF identifier (READ BINARY with P1 = 0x80 | SFI): the number itself.
    public var shortFileID: UInt8 { UInt8(rawValue) }

    /// The application tag that wraps the file (Doc 9303-10 Table 35). Not a simple sequence:
    /// DG2 is 75 and DG4 is 76 for historical reasons.
    public var tag: UInt8 { DataGroup.tags[rawValue - 1] }

    public init?(number: Int) {
        self.init(rawValue: number)
    }

    /// The data group an EF.COM tag list entry or a file's first byte names; nil for other tags.
    public init?(tag: UInt8) {
        guard let index = DataGroup.tags.firstIndex(of: tag) else { return nil }
        self.init(rawValue: index + 1)
    }

    public static func < (lhs: DataGroup, rhs: DataGroup) -> Bool { lhs.rawValue < rhs.rawValue }

    private static let tags: [UInt8] = [
        0x61, 0x75, 0x63, 0x76, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E, 0x6F, 0x70,
    ]
}
