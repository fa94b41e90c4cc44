/// An elementary file of the eMRTD: its file identifier for SELECT and the tag its content starts
/// with (Doc 9303-10 §4.6, Table 39).
///
/// Files are named as the standard and the `card read --out` file names spell them (`EF.COM`,
/// `DG13`), which carries no personal data and can appear in logs and progress.
public struct ChipFile: Sendable, Hashable, CustomStringConvertible {
    public let name: String
    /// The FID selected with `00 A4 02 0C 02 <FID>`.
    public let identifier: UInt16
    /// The first byte of the file (the LDS tag); nil for EF.CardAccess, a bare SET (31).
    public let tag: UInt8?
    /// 1…16 for data groups.
    public let dataGroupNumber: Int?
    /// The short EF identifier (Doc 9303-10 Table 39) a READ BINARY can name the file by.
    public let shortFileIdentifier: UInt8?

    init(name: String, identifier: UInt16, tag: UInt8?, dataGroupNumber: Int? = nil, shortFileIdentifier: UInt8? = nil) {
        self.name = name
        self.identifier = identifier
        self.tag = tag
        self.dataGroupNumber = dataGroupNumber
        self.shortFileIdentifier = shortFileIdentifier
    }

    /// At MF level, read in the clear before access control; it tells the reader which PACE to run.
    /// Read by its short identifier 1C first (Doc 9303-10; one APDU fewer than SELECT + READ).
    /// On CCCDs only selection by FID is verified (cccd.md §3), so a refusal falls back to it
    /// without giving up short identifiers for the application's files.
    public static let cardAccess = ChipFile(name: "EF.CardAccess", identifier: 0x011C, tag: nil, shortFileIdentifier: 0x1C)
    /// The LDS version and the tags of the data groups present.
    public static let com = ChipFile(name: "EF.COM", identifier: 0x011E, tag: 0x60, shortFileIdentifier: 0x1E)
    /// The document security object: hashes of the data groups, signed by the document signer.
    public static let sod = ChipFile(name: "EF.SOD", identifier: 0x011D, tag: 0x77, shortFileIdentifier: 0x1D)

    /// LDS tags of DG1…DG16, in order.
    static let dataGroupTags: [UInt8] = [
        0x61, 0x75, 0x63, 0x76, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E, 0x6F, 0x70,
    ]

    /// DG`number` (FID 01xx), or nil outside 1…16.
    public static func dataGroup(_ number: Int) -> ChipFile? {
        guard (1...16).contains(number) else { return nil }
        return ChipFile(
            name: "DG\(number)", identifier: 0x0100 + UInt16(number), tag: dataGroupTags[number - 1], dataGroupNumber: number,
            shortFileIdentifier: UInt8(number)
        )
    }

    /// The data group an EF.COM tag names, or nil for a tag that is not a data group's.
    public init?(dataGroupTag: UInt8) {
        guard let index = Self.dataGroupTags.firstIndex(of: dataGroupTag), let file = Self.dataGroup(index + 1) else { return nil }
        self = file
    }

    public var description: String { name }
}
