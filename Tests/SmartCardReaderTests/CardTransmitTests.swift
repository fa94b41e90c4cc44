import CCCDTestSupport
import ChipProtocol
import SmartCardReader
import Testing
import VirtualCard

/// APDUs through pcscd, the vpcd driver and a virtual card: real PC/SC transmit end to end.
@Suite("Card transmit on the rig", .serialized, .enabled(if: PCSCRig.isAvailable))
struct CardTransmitTests {
    static let fileID: UInt16 = 0x0102
    static let file = patternFile(size: 6000, seed: 7)

    private func withCardConnection<T>(_ body: (CardConnection, VPCDConnection, TransparentFileCard) async throws -> T) async throws -> T {
        try await PCSCRig.withRig { _ in
            let service = PCSCService()
            let card = TransparentFileCard(files: [Self.fileID: Self.file, 0x011E: [0x60, 0x01, 0x00]])
            return try await withInsertedCard(card) { vpcd in
                try #require(await waitForCard(true, in: PCSCRig.firstReaderName, service: service))
                let connection = try await service.connection(to: PCSCRig.firstReaderName)
                defer { Task { await connection.disconnect() } }
                return try await body(connection, vpcd, card)
            }
        }
    }

    @Test("A connection reports T=1, the ATR and vpcd's capabilities")
    func connectionFacts() async throws {
        try await withCardConnection { connection, _, _ in
            #expect(connection.readerName == PCSCRig.firstReaderName)
            #expect(connection.transmissionProtocol == 1)
            #expect(connection.answerToReset.bytes == TransparentFileCard.defaultATR)
            #expect(connection.answerToReset.declaresExtendedLength == true)
            #expect(connection.capabilities.supportsExtendedLength)
            #expect(connection.capabilities.maxCommandLength == 65535)
            #expect(connection.capabilities.basis == .knownModel("Virtual PCD"))
            #expect(connection.capabilities.allowsExtendedLength(for: connection.answerToReset))
        }
    }

    @Test("A 6000-byte file reads back in short chunks of 0xDF")
    func readShortChunks() async throws {
        try await withCardConnection { (connection, _, card) async throws in
            #expect(try await select(Self.fileID, over: connection) == .success)
            let before = card.commandCount
            let bytes = try await readSelected(size: Self.file.count, chunk: 0xDF, over: connection)
            #expect(bytes == Self.file)
            #expect(card.commandCount - before == (Self.file.count + 0xDE) / 0xDF)
        }
    }

    @Test("The same file reads in extended-length chunks (Le 4096, then the whole file)")
    func readExtendedChunks() async throws {
        try await withCardConnection { (connection, _, card) async throws in
            #expect(try await select(Self.fileID, over: connection) == .success)
            let before = card.commandCount
            #expect(try await readSelected(size: Self.file.count, chunk: 4096, over: connection) == Self.file)
            #expect(card.commandCount - before == 2)
            #expect(try await readSelected(size: Self.file.count, chunk: 65536, over: connection) == Self.file)
        }
    }

    @Test("Status words pass through: 6A82 unknown file, 6B00 past the end, 6282 short read")
    func statusWords() async throws {
        try await withCardConnection { connection, _, _ in
            #expect(try await select(0x0F0F, over: connection) == .fileNotFound)
            #expect(try await select(Self.fileID, over: connection) == .success)
            let past = CommandAPDU(ins: 0xB0, p1: 0x17, p2: 0x70, expectedLength: 16)  // offset 6000
            #expect(try await connection.transmit(past).status == .wrongParametersOffset)
            let tail = CommandAPDU(ins: 0xB0, p1: 0x17, p2: 0x60, expectedLength: 0xDF)  // offset 5984
            let response = try await connection.transmit(tail)
            #expect(response.status == .endOfFileReached)
            #expect(response.data == Array(Self.file[5984...]))
            #expect(try await connection.transmit([0x00, 0xCA, 0x00, 0x00, 0x00]) == [0x6D, 0x00])
            // A 1000-byte extended-Lc command arrives whole: the card parses it (a truncated one
            // would be 6700) and rejects it as a SELECT with the wrong data length (6A86).
            let long = CommandAPDU(ins: 0xA4, p1: 0x02, p2: 0x0C, data: patternFile(size: 1000, seed: 9))
            #expect(try await connection.transmit(long).status == .incorrectParameters)
        }
    }

    @Test("A card pulled mid-read gives a typed card-removed error, and so does every later transmit")
    func cardPulledMidRead() async throws {
        try await withCardConnection { connection, vpcd, _ in
            #expect(try await select(Self.fileID, over: connection) == .success)
            _ = try await readSelected(size: 0xDF * 3, chunk: 0xDF, over: connection)
            vpcd.remove()
            for _ in 0..<2 {
                let error = await #expect(throws: SmartCardError.self) {
                    _ = try await readSelected(size: 0xDF, chunk: 0xDF, over: connection)
                }
                #expect(error?.reason == .cardRemoved, "\(String(describing: error?.diagnostic))")
            }
        }
    }

    @Test("After a disconnect, transmit is a typed disconnected error")
    func transmitAfterDisconnect() async throws {
        try await withCardConnection { connection, _, _ in
            await connection.disconnect()
            let error = await #expect(throws: SmartCardError.self) {
                _ = try await connection.transmit([0x00, 0xA4, 0x02, 0x0C, 0x02, 0x01, 0x1E])
            }
            #expect(error?.reason == .disconnected)
        }
    }
}

/// A card reset by another connection: `SCARD_W_RESET_CARD` is met with `SCardReconnect` and a
/// typed `.cardReset`, after which the same connection works again.
@Suite("Card reset on the rig", .serialized, .enabled(if: PCSCRig.isAvailable))
struct CardResetTests {
    @Test("A reset by another application surfaces once as cardReset, then the connection is usable")
    func resetByAnotherConnection() async throws {
        try await PCSCRig.withRig { _ in
            let service = PCSCService()
            let file = patternFile(size: 300, seed: 3)
            let card = TransparentFileCard(files: [0x0101: file])
            try await withInsertedCard(card) { _ async throws in
                try #require(await waitForCard(true, in: PCSCRig.firstReaderName, service: service))
                let ours = try await service.connection(to: PCSCRig.firstReaderName)
                let theirs = try await service.connection(to: PCSCRig.firstReaderName)
                #expect(try await select(0x0101, over: ours) == .success)
                try await theirs.reconnect(resetCard: true)
                await theirs.disconnect()
                let error = await #expect(throws: SmartCardError.self) {
                    _ = try await readSelected(size: 16, chunk: 16, over: ours)
                }
                #expect(error?.reason == .cardReset)
                // The reset cleared the card's selection; after selecting again, reading works.
                #expect(try await ours.transmit(CommandAPDU(ins: 0xB0, p1: 0, p2: 0, expectedLength: 16)).status == StatusWord(0x6986))
                #expect(try await select(0x0101, over: ours) == .success)
                #expect(try await readSelected(size: file.count, chunk: 0xDF, over: ours) == file)
                await ours.disconnect()
            }
        }
    }
}
