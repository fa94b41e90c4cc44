import ChipProtocol

extension ChipCore {
    /// SELECT (ISO 7816-4 §11.1.1) as CCCD chips answer it:
    /// - by DF name (P1 04): the eMRTD application;
    /// - by file id under the current DF (P1 02): EF.CardAccess from anywhere, LDS files once the
    ///   application is selected (and only with access rights: 6982 before BAC/PACE);
    /// - P1 00 (the MF or a file by id from the MF) answers **6D00**, as real CCCDs do (cccd.md §3);
    /// - P2 0C (no response data) or 00/04 (the file's FCP: size and id).
    mutating func selectFile(_ command: CommandAPDU) -> CardResponse {
        guard [0x00, 0x04, 0x0C].contains(command.p2) else { return .status(.incorrectParameters) }
        switch command.p1 {
        case 0x04:
            guard command.data == ChipFileSystem.applicationIdentifier else { return .status(.fileNotFound) }
            session.applicationSelected = true
            session.currentFile = nil
            return .success()
        case 0x00:
            return .status(.instructionNotSupported)
        case 0x02:
            guard command.data.count == 2 else { return .status(.wrongLength) }
            let fileID = UInt16(command.data[0]) << 8 | UInt16(command.data[1])
            guard let file = environment.fileSystem.file(id: fileID, applicationSelected: session.applicationSelected) else {
                return .status(.fileNotFound)
            }
            guard file.readAccess == .free || session.hasAccess else { return .status(.securityStatusNotSatisfied) }
            session.currentFile = file
            return command.p2 == 0x0C ? .success() : .success(Self.controlParameters(of: file))
        default:
            return .status(.incorrectParameters)
        }
    }

    /// FCP template: 80 file size, 82 descriptor (transparent EF), 83 file id.
    private static func controlParameters(of file: ElementaryFile) -> [UInt8] {
        let size = file.contents.count
        return TLV(tag: 0x62, value:
            TLV(tag: 0x80, value: [UInt8(truncatingIfNeeded: size >> 8), UInt8(truncatingIfNeeded: size)]).encoded
            + TLV(tag: 0x82, value: [0x01]).encoded
            + TLV(tag: 0x83, value: [UInt8(file.fileID >> 8), UInt8(file.fileID & 0xFF)]).encoded
        ).encoded
    }
}
