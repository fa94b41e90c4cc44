extension ChipSession {
    /// Largest file the reader accepts from a header: generous for a multi-image DG2, small enough
    /// that a hostile length (84 FFFFFFFF) cannot keep the reader asking for data.
    static let maximumFileLength = 4 << 20

    /// The chip refused an extended READ BINARY (6700/6B00): retry the chunk with short APDUs.
    private struct ExtendedLengthRejected: Error {}
    /// The chip refused a short Le with 6700: retry the chunk with the next smaller one.
    private struct ShortLengthRejected: Error {}

    /// Short Le values tried, largest first, when a chip refuses the policy's with 6700 [?]: no
    /// CCCD is known to, but a reader that gives up on a readable card is worse than one more APDU.
    static let shortLengthSteps = [0xDF, 0xA0, 0x80, 0x40, 0x20]

    /// Reads one elementary file of the current application completely, header first, then the
    /// exact rest in the largest chunks the policy allows, never past its end.
    ///
    /// Secure-messaging failures are repaired: access control is run again (up to twice per
    /// session) and the read continues from where it stopped; an extended-length refusal turns
    /// extended length off for the session. Transport errors (card removed) propagate and nothing
    /// partial is returned.
    public func readFile(_ file: ChipFile, progress: ReadProgressHandler? = nil) async throws -> [UInt8] {
        try await readFile(file, fileIndex: 0, fileCount: 1, progress: progress)
    }

    func readFile(_ file: ChipFile, fileIndex: Int, fileCount: Int, progress: ReadProgressHandler?) async throws -> [UInt8] {
        var data: [UInt8] = []
        var expected: Int?
        while true {
            do {
                let total: Int
                if let expected {
                    total = expected
                } else {
                    total = try await readHeader(file, into: &data)
                    expected = total
                    progress?(ReadProgress(file: file, bytesRead: data.count, bytesExpected: total, fileIndex: fileIndex, fileCount: fileCount))
                }
                while data.count < total {
                    data += try await readChunk(of: file, offset: data.count, wanting: total - data.count)
                    progress?(ReadProgress(file: file, bytesRead: data.count, bytesExpected: total, fileIndex: fileIndex, fileCount: fileCount))
                }
                return data
            } catch is SecureMessagingError {
                if lastReadWasExtended { extendedLengthEnabled = false }
                try await recoverSession()
            } catch is ExtendedLengthRejected {
                extendedLengthEnabled = false
            } catch is ShortLengthRejected {
                continue
            }
        }
    }

    /// SELECT EF by FID (P2 0C: no FCI, one round trip).
    func select(_ file: ChipFile) async throws {
        selectedFile = nil
        lastReadWasExtended = false
        let response = try await send(EMRTDCommands.selectFile(file))
        try Self.requireFileStatus(response.status, file: file)
        selectedFile = file
    }

    /// Reads the first bytes, enough for tag and length (more if the length is long), and returns
    /// the file's total length. `data` keeps the bytes read: they are the start of the file.
    private func readHeader(_ file: ChipFile, into data: inout [UInt8]) async throws -> Int {
        if data.isEmpty {
            data = try await readChunk(of: file, offset: 0, wanting: policy.headerLength)
        }
        while true {
            do {
                let header = try TLVHeader(decoding: data)
                guard header.totalLength <= Self.maximumFileLength else {
                    throw ChipReadError(.malformedResponse, diagnostic: "\(file) claims \(header.totalLength) bytes")
                }
                if data.count > header.totalLength { data = Array(data.prefix(header.totalLength)) }
                return header.totalLength
            } catch let error as TLVError where [.truncatedTag, .truncatedLength].contains(error.reason) && data.count < 8 {
                data += try await readChunk(of: file, offset: data.count, wanting: 8 - data.count)
            } catch let error as TLVError {
                throw ChipReadError(.malformedResponse, diagnostic: "\(file) header: \(error.code)")
            }
        }
    }

    /// The largest number of file bytes one READ BINARY may ask for right now.
    private var chunkLimit: Int {
        if extendedLengthEnabled, let extended = policy.maximumExtendedLength { return extended }
        return shortChunkLimit
    }

    /// One READ BINARY of up to `wanting` bytes at `offset`; returns at least one byte.
    private func readChunk(of file: ChipFile, offset: Int, wanting: Int) async throws -> [UInt8] {
        var length = min(wanting, chunkLimit)
        if offset > EMRTDCommands.maximumEvenOffset {
            // DO53's header is counted in Le: keep the whole answer within the limit.
            length = max(1, min(length, chunkLimit - 1 - TLVHeader.lengthBytes(chunkLimit).count))
        }
        // A file that is not current is read by its short EF identifier when it has one: that
        // READ BINARY selects it, saving the SELECT round trip.
        var shortIdentifier = selectedFile == file || !shortFileIdentifiersEnabled || offset > 0xFF ? nil : file.shortFileIdentifier
        if selectedFile != file, shortIdentifier == nil { try await select(file) }
        var command = EMRTDCommands.readBinary(offset: offset, length: length, shortFileIdentifier: shortIdentifier)
        lastReadWasExtended = command.needsExtendedLength
        var response = try await send(command)
        if shortIdentifier != nil, !Self.answersReadBinary(response.status) {
            // Refused, or 6A82, which may only mean "no short identifiers here": SELECT tells.
            // If it finds the file, short identifiers are not trusted for the rest of the session —
            // unless it was EF.CardAccess, at MF level, which says nothing about the application.
            try await select(file)
            if file != .cardAccess { shortFileIdentifiersEnabled = false }
            shortIdentifier = nil
            command = EMRTDCommands.readBinary(offset: offset, length: length)
            response = try await send(command)
        }
        if let exact = response.status.exactExpectedLength, !command.needsExtendedLength, offset <= EMRTDCommands.maximumEvenOffset {
            // 6Cxx: the chip names the length it can give (never past the end: we ask for no
            // more than is left). Ask once more with it, and keep it for the session.
            shortChunkLimit = min(shortChunkLimit, exact)
            command = EMRTDCommands.readBinary(offset: offset, length: min(exact, length), shortFileIdentifier: shortIdentifier)
            response = try await send(command)
        }
        if response.status == .success || response.status == .endOfFileReached { selectedFile = file }
        switch response.status {
        case .success, .endOfFileReached:
            let bytes = try EMRTDCommands.fileBytes(of: response, for: command)
            guard !bytes.isEmpty, bytes.count <= length else {
                throw ChipReadError(.malformedResponse, diagnostic: "READ BINARY at \(offset) for \(length) returned \(bytes.count) bytes")
            }
            return bytes
        case .wrongLength where command.needsExtendedLength, .wrongParametersOffset where command.needsExtendedLength,
             .incorrectSecureMessagingObjects where command.needsExtendedLength:
            throw ExtendedLengthRejected()
        case .wrongLength:
            guard let smaller = Self.shortLengthSteps.first(where: { $0 < command.expectedLength ?? 0 }) else {
                throw ChipReadError(.chipRejected, diagnostic: "READ BINARY refused every Le: \(response.status)")
            }
            shortChunkLimit = min(shortChunkLimit, smaller)
            throw ShortLengthRejected()
        case .wrongParametersOffset:
            throw ChipReadError(.malformedResponse, diagnostic: "file ends before offset \(offset) its header promised")
        default:
            try Self.requireFileStatus(response.status, file: file)
            throw ChipReadError(.chipRejected, diagnostic: "READ BINARY: \(response.status)")
        }
    }

    /// Statuses a READ BINARY by short identifier shares with one on the current file: data,
    /// access denied, and the chip's answers about Le.
    private static func answersReadBinary(_ status: StatusWord) -> Bool {
        status == .success || status == .endOfFileReached || status == .securityStatusNotSatisfied
            || status == .wrongLength || status.exactExpectedLength != nil
    }

    /// Maps the status of SELECT or READ BINARY: 6A82 and 6982 get their own errors.
    static func requireFileStatus(_ status: StatusWord, file: ChipFile) throws {
        switch status {
        case .success: return
        case .fileNotFound: throw ChipReadError(.fileNotFound, diagnostic: "\(file): \(status)")
        case .securityStatusNotSatisfied: throw ChipReadError(.accessDenied, diagnostic: "\(file): \(status)")
        default: throw ChipReadError(.chipRejected, diagnostic: "\(file): \(status)")
        }
    }
}
