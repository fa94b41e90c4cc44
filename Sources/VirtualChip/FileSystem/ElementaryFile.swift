/// A transparent elementary file of the chip.
struct ElementaryFile: Sendable {
    /// Who may read the file's bytes.
    enum ReadAccess: Sendable {
        /// Readable before any access control (EF.CardAccess).
        case free
        /// Readable under secure messaging after BAC or PACE.
        case afterAccessControl
        /// Never readable by this kiosk: DG3 needs Terminal Authentication, answers 6982.
        case terminalAuthenticationRequired
    }

    let fileID: UInt16
    let shortFileID: UInt8
    let contents: [UInt8]
    let readAccess: ReadAccess

    /// EF.COM, EF.SOD and DG1–DG16 inside the eMRTD application (Doc 9303-10 §4.6).
    static func dataGroup(_ number: Int, contents: [UInt8]) -> ElementaryFile {
        ElementaryFile(
            fileID: 0x0100 + UInt16(number), shortFileID: UInt8(number), contents: contents,
            readAccess: number == 3 || number == 4 ? .terminalAuthenticationRequired : .afterAccessControl
        )
    }

    static func efCOM(_ contents: [UInt8]) -> ElementaryFile {
        ElementaryFile(fileID: 0x011E, shortFileID: 0x1E, contents: contents, readAccess: .afterAccessControl)
    }

    static func efSOD(_ contents: [UInt8]) -> ElementaryFile {
        ElementaryFile(fileID: 0x011D, shortFileID: 0x1D, contents: contents, readAccess: .afterAccessControl)
    }

    /// EF.CardAccess lives in the master file, outside the application.
    static func cardAccess(_ contents: [UInt8]) -> ElementaryFile {
        ElementaryFile(fileID: 0x011C, shortFileID: 0x1C, contents: contents, readAccess: .free)
    }
}

/// Where the chip's files live: EF.CardAccess at MF level, the LDS in the eMRTD application.
struct ChipFileSystem: Sendable {
    /// The eMRTD LDS1 application identifier.
    static let applicationIdentifier: [UInt8] = [0xA0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01]

    let masterFiles: [ElementaryFile]
    let applicationFiles: [ElementaryFile]

    /// The file `fileID` names from where the card stands. EF.CardAccess is found from anywhere,
    /// as on real cards; LDS files only once the application is selected.
    func file(id fileID: UInt16, applicationSelected: Bool) -> ElementaryFile? {
        let candidates = applicationSelected ? applicationFiles + masterFiles : masterFiles
        return candidates.first { $0.fileID == fileID }
    }

    func file(shortID: UInt8, applicationSelected: Bool) -> ElementaryFile? {
        let candidates = applicationSelected ? applicationFiles + masterFiles : masterFiles
        return candidates.first { $0.shortFileID == shortID }
    }
}
