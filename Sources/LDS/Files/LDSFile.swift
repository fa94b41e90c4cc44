/// An elementary file a reader selects on an eMRTD: the data groups and the three files around
/// them (Doc 9303-10 §4.6–4.7).
public enum LDSFile: Sendable, Hashable, CustomStringConvertible {
    /// EF.COM: LDS version and the list of data groups present.
    case com
    /// EF.SOD: the document signer's signature over the data-group hashes.
    case sod
    /// EF.CardAccess at MF level: the SecurityInfos that say how to run PACE.
    case cardAccess
    case dataGroup(DataGroup)

    /// The files a CCCD reader may read, in the order it reads them.
    public static let all: [LDSFile] = [.cardAccess, .com, .sod] + DataGroup.allCases.map(LDSFile.dataGroup)

    /// The two-byte file identifier for SELECT (P1 = 02).
    public var fileID: UInt16 {
        switch self {
        case .com: 0x011E
        case .sod: 0x011D
        case .cardAccess: 0x011C
        case .dataGroup(let group): group.fileID
        }
    }

    /// The short EF identifier for READ BINARY without a SELECT.
    public var shortFileID: UInt8 { UInt8(fileID & 0x1F) }

    /// The first byte of the file. EF.CardAccess has no application wrapper: it starts with the
    /// universal SET tag of its SecurityInfos.
    public var tag: UInt8 {
        switch self {
        case .com: 0x60
        case .sod: 0x77
        case .cardAccess: 0x31
        case .dataGroup(let group): group.tag
        }
    }

    /// `EF.COM`, `EF.SOD`, `EF.CardAccess`, `DG1`…: the names `card read --out` gives the files.
    public var description: String {
        switch self {
        case .com: "EF.COM"
        case .sod: "EF.SOD"
        case .cardAccess: "EF.CardAccess"
        case .dataGroup(let group): group.description
        }
    }

    /// `EF.SOD.bin`, `DG13.bin`…: the name of the file `cccdctl card read --out` writes and
    /// `card verify --lds` reads.
    public var fileName: String { description + ".bin" }

    /// The file a ``fileName`` names, or nil.
    public init?(fileName: String) {
        guard let file = LDSFile.all.first(where: { $0.fileName == fileName }) else { return nil }
        self = file
    }

    /// The file a two-byte identifier names, or nil.
    public init?(fileID: UInt16) {
        guard let file = LDSFile.all.first(where: { $0.fileID == fileID }) else { return nil }
        self = file
    }
}
