/// The SELECT and READ BINARY commands of the LDS (Doc 9303-10 §3, ISO/IEC 7816-4 §11.2–11.3).
enum EMRTDCommands {
    /// The eMRTD application's AID.
    static let applicationIdentifier: [UInt8] = [0xA0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01]

    /// SELECT by DF name, no response data (P2 0C).
    static let selectApplication = CommandAPDU(ins: 0xA4, p1: 0x04, p2: 0x0C, data: applicationIdentifier)

    /// SELECT MF. Vietnamese cards answer 6D00, which the reader tolerates.
    static let selectMasterFile = CommandAPDU(ins: 0xA4, p1: 0x00, p2: 0x0C, data: [0x3F, 0x00])

    /// SELECT EF by file identifier under the current DF, no response data.
    static func selectFile(_ file: ChipFile) -> CommandAPDU {
        CommandAPDU(ins: 0xA4, p1: 0x02, p2: 0x0C, data: [UInt8(file.identifier >> 8), UInt8(file.identifier & 0xFF)])
    }

    /// Largest offset the even READ BINARY can carry in P1-P2 (bit 8 of P1 would mean an SFI).
    static let maximumEvenOffset = 0x7FFF

    /// READ BINARY of the current EF: even INS B0 with the offset in P1-P2 up to 0x7FFF, odd INS B1
    /// with the offset in DO54 beyond it (the answer then arrives in DO53).
    ///
    /// With `shortFileIdentifier` (offsets up to 255), P1 = 80 | SFI names the file, which the
    /// command also selects (ISO/IEC 7816-4 §11.2.2).
    static func readBinary(offset: Int, length: Int, shortFileIdentifier: UInt8? = nil) -> CommandAPDU {
        if let shortFileIdentifier, offset <= 0xFF {
            return CommandAPDU(ins: 0xB0, p1: 0x80 | (shortFileIdentifier & 0x1F), p2: UInt8(offset), expectedLength: length)
        }
        if offset <= maximumEvenOffset {
            return CommandAPDU(ins: 0xB0, p1: UInt8(offset >> 8), p2: UInt8(offset & 0xFF), expectedLength: length)
        }
        var offsetBytes: [UInt8] = []
        var remaining = offset
        while remaining > 0 {
            offsetBytes.insert(UInt8(remaining & 0xFF), at: 0)
            remaining >>= 8
        }
        let overhead = 1 + TLVHeader.lengthBytes(length).count
        return CommandAPDU(
            ins: 0xB1, p1: 0, p2: 0, data: TLV(tag: 0x54, value: offsetBytes).encoded,
            expectedLength: length + overhead
        )
    }

    /// The file bytes of a READ BINARY answer: as they are for B0, the value of DO53 for B1.
    static func fileBytes(of response: ResponseAPDU, for command: CommandAPDU) throws -> [UInt8] {
        guard command.ins == 0xB1 else { return response.data }
        do {
            return try TLV(decoding: response.data, expectedTag: 0x53).value
        } catch {
            throw ChipReadError(.malformedResponse, diagnostic: "odd READ BINARY answer: \(error)")
        }
    }
}
