import ChipProtocol

extension ChipCore {
    /// READ BINARY: even INS B0 with a 15-bit offset in P1-P2 (or a short file id in P1 and an
    /// 8-bit offset in P2), odd INS B1 with the offset in DO54 and the data in DO53 (offsets
    /// beyond 0x7FFF). Reads past the end answer 6B00; a short read at the end answers 6282
    /// unless Le asked for "all available" (00 / 0000).
    mutating func readBinary(_ command: CommandAPDU) -> CardResponse {
        guard let expectedLength = command.expectedLength else { return .status(.wrongLength) }
        let target = command.ins == 0xB0 ? evenTarget(command) : oddTarget(command)
        guard case .success(let file, let offset) = target else {
            if case .failure(let status) = target { return .status(status) }
            return .status(.incorrectParameters)
        }
        switch file.readAccess {
        case .free: break
        case .afterAccessControl: guard session.hasAccess else { return .status(.securityStatusNotSatisfied) }
        case .terminalAuthenticationRequired: return .status(.securityStatusNotSatisfied)
        }
        session.currentFile = file
        guard offset < file.contents.count else { return .status(.wrongParametersOffset) }

        var limit = expectedLength
        if let maxLe = environment.options.maxLe, limit > maxLe {
            switch environment.options.maxLeBehaviour {
            case .cap: limit = maxLe
            case .wrongLength: return .status(.wrongLength)
            case .exactLength: return .status(StatusWord(sw1: 0x6C, sw2: UInt8(truncatingIfNeeded: maxLe)))
            }
        }
        let available = file.contents.count - offset
        var count = min(limit, available)
        if command.ins == 0xB1 {
            // Ne counts the whole DO53, header included.
            while count > 0, Self.headerLength(valueLength: count) + count > limit { count -= 1 }
            guard count > 0 else { return .status(.wrongLength) }
        }
        let data = Array(file.contents[offset..<(offset + count)])
        let askedForAll = expectedLength == CommandAPDU.shortMaximumExpectedLength
            || expectedLength == CommandAPDU.extendedMaximumExpectedLength
        let status: StatusWord = count < limit && count == available && !askedForAll ? .endOfFileReached : .success
        return CardResponse(data: command.ins == 0xB1 ? TLV(tag: 0x53, value: data).encoded : data, status: status)
    }

    private enum ReadTarget {
        case success(ElementaryFile, offset: Int)
        case failure(StatusWord)
    }

    private func evenTarget(_ command: CommandAPDU) -> ReadTarget {
        if command.p1 & 0x80 != 0 {
            guard command.p1 & 0x60 == 0 else { return .failure(.incorrectParameters) }
            guard let file = environment.fileSystem.file(shortID: command.p1 & 0x1F, applicationSelected: session.applicationSelected) else {
                return .failure(.fileNotFound)
            }
            return .success(file, offset: Int(command.p2))
        }
        guard let file = session.currentFile else { return .failure(.noCurrentElementaryFile) }
        return .success(file, offset: Int(command.p1) << 8 | Int(command.p2))
    }

    /// B1: P1-P2 0000 for the current EF, else a file id; DO54 holds the offset (1–3 bytes).
    private func oddTarget(_ command: CommandAPDU) -> ReadTarget {
        let fileID = UInt16(command.p1) << 8 | UInt16(command.p2)
        let file: ElementaryFile
        if fileID == 0 {
            guard let current = session.currentFile else { return .failure(.noCurrentElementaryFile) }
            file = current
        } else {
            guard let found = environment.fileSystem.file(id: fileID, applicationSelected: session.applicationSelected) else {
                return .failure(.fileNotFound)
            }
            file = found
        }
        guard let object = try? TLV(decoding: command.data, expectedTag: 0x54), (1...3).contains(object.value.count) else {
            return .failure(.incorrectData)
        }
        return .success(file, offset: object.value.reduce(0) { $0 << 8 | Int($1) })
    }

    /// Bytes of tag 53 and its DER length for a value of `valueLength` bytes.
    private static func headerLength(valueLength: Int) -> Int {
        switch valueLength {
        case ..<0x80: 2
        case ..<0x100: 3
        case ..<0x10000: 4
        default: 5
        }
    }
}
