import ChipProtocol
import ICAOCrypto
import Synchronization
import Testing

/// Reading one file in the clear (no access control configured), where round trips, chunk sizes,
/// extended length and odd INS are easiest to see. Protected reads use the same code.
@Suite struct ReaderFileReadingTests {
    static let dg = ChipFile.dataGroup(13)!

    static func chip(file: [UInt8], _ adjust: (inout ReaderTestChip.Configuration) -> Void = { _ in }) throws -> ReaderTestChip {
        var configuration = ReaderTestChip.Configuration(files: [0x010D: file])
        adjust(&configuration)
        return try ReaderTestChip(configuration)
    }

    /// The 4-byte header read (by short EF identifier, which selects the file), then ⌈rest / chunk⌉
    /// reads: the minimum for the chunk size.
    static func minimumCommands(total: Int, chunk: Int, header: Int = 4) -> Int {
        1 + (total - header + chunk - 1) / chunk
    }

    @Test(arguments: [1_000, 227, 228, 5, 4 + 0xDF * 3, 14_000])
    func shortReadsUseTheMinimumNumberOfAPDUsAndNeverReadPastTheEnd(total: Int) async throws {
        let file = ReaderFixtures.file(tag: 0x6D, total: total)
        let chip = try Self.chip(file: file)
        let session = ChipSession(transport: chip)
        let bytes = try await session.readFile(Self.dg)
        #expect(bytes == file)
        #expect(await session.statistics.commandCount == Self.minimumCommands(total: file.count, chunk: 0xDF))
        #expect(await chip.overreads == 0)
        let lengths = await chip.commands.filter { $0.ins == 0xB0 }.compactMap(\.expectedLength)
        #expect(lengths.first == 4)
        #expect(lengths.allSatisfy { $0 <= 0xDF })
    }

    @Test func aThousandByteGroupWithLeDFTakesSixAPDUs() async throws {
        let chip = try Self.chip(file: ReaderFixtures.file(tag: 0x6D, total: 1_000))
        let session = ChipSession(transport: chip)
        _ = try await session.readFile(Self.dg)
        // Header + ⌈996 / 223⌉ = 1 + 5.
        #expect(await session.statistics.commandCount == 6)
    }

    @Test func extendedLengthReadsTheRestInOneAPDUWhenReaderAndChipSupportIt() async throws {
        let file = ReaderFixtures.file(tag: 0x75, total: 14_000)
        let chip = try Self.chip(file: file) { $0.supportsExtendedLength = true }
        let session = ChipSession(transport: chip, policy: .extended(readerMaximumResponseLength: 65_538))
        #expect(try await session.readFile(Self.dg) == file)
        #expect(await session.statistics.commandCount == 2)
        #expect(await chip.overreads == 0)
    }

    @Test func extendedLengthFallsBackToShortOn6700AndStaysShort() async throws {
        let file = ReaderFixtures.file(tag: 0x75, total: 1_000)
        let chip = try Self.chip(file: file)
        let session = ChipSession(transport: chip, policy: .extended(readerMaximumResponseLength: 4_096))
        #expect(try await session.readFile(Self.dg) == file)
        // One refused extended read costs one extra APDU; then short reads as usual.
        #expect(await session.statistics.commandCount == Self.minimumCommands(total: 1_000, chunk: 0xDF) + 1)
        // Read again: short from the start, with no refused extended read this time.
        _ = try await session.readFile(Self.dg)
        #expect(await session.statistics.commandCount == 2 * Self.minimumCommands(total: 1_000, chunk: 0xDF) + 1)
    }

    @Test func chipThatRefusesLeDFWith6700IsReadWithTheNextSmallerLe() async throws {
        let file = ReaderFixtures.file(tag: 0x75, total: 2_000)
        let chip = try Self.chip(file: file) { $0.maximumShortLength = 0xA0 }
        let session = ChipSession(transport: chip)
        #expect(try await session.readFile(Self.dg) == file)
        // One refusal, then 0xA0 for the rest of the session.
        #expect(await session.statistics.commandCount == Self.minimumCommands(total: 2_000, chunk: 0xA0) + 1)
        #expect(await chip.commands.filter { $0.ins == 0xB0 }.compactMap(\.expectedLength).filter { $0 > 0xA0 }.count == 1)
    }

    @Test func chipWithoutShortIdentifiersIsSelectedByFIDAfterOneRefusal() async throws {
        let file = ReaderFixtures.file(tag: 0x6D, total: 1_000)
        let chip = try Self.chip(file: file) { $0.supportsShortFileIdentifiers = false }
        let session = ChipSession(transport: chip)
        #expect(try await session.readFile(Self.dg) == file)
        #expect(await session.statistics.commandCount == Self.minimumCommands(total: 1_000, chunk: 0xDF) + 2)
        await expectReadFailure(.fileNotFound) { _ = try await session.readFile(ChipFile.dataGroup(11)!) }
        // The refusal is remembered: the next file costs a SELECT, not another refused read.
        #expect(await session.statistics.commandCount == Self.minimumCommands(total: 1_000, chunk: 0xDF) + 3)
    }

    @Test func policyCanSelectEveryFileByFID() async throws {
        let file = ReaderFixtures.file(tag: 0x6D, total: 1_000)
        let chip = try Self.chip(file: file)
        let session = ChipSession(transport: chip, policy: ReadPolicy(usesShortFileIdentifiers: false))
        #expect(try await session.readFile(Self.dg) == file)
        #expect(await chip.commands.first?.ins == 0xA4)
        #expect(await session.statistics.commandCount == Self.minimumCommands(total: 1_000, chunk: 0xDF) + 1)
    }

    @Test func chipThatRejectsLe00IsNeverAskedForIt() async throws {
        let file = ReaderFixtures.file(tag: 0x75, total: 2_000)
        let chip = try Self.chip(file: file) { $0.maximumShortLength = 0xDF }
        let session = ChipSession(transport: chip)
        #expect(try await session.readFile(Self.dg) == file)
    }

    @Test func offsetsBeyond7FFFUseOddInstructionWithDO54() async throws {
        let file = ReaderFixtures.file(tag: 0x75, total: 0x8000 + 3_000)
        let chip = try Self.chip(file: file) { $0.supportsExtendedLength = true }
        let session = ChipSession(transport: chip, policy: .extended(readerMaximumResponseLength: 1_024 + 38))
        #expect(try await session.readFile(Self.dg) == file)
        let reads = await chip.commands.filter { $0.ins == 0xB0 || $0.ins == 0xB1 }
        let odd = reads.filter { $0.ins == 0xB1 }
        #expect(!odd.isEmpty)
        #expect(odd.allSatisfy { $0.data.first == 0x54 && $0.p1 == 0 && $0.p2 == 0 })
        #expect(reads.filter { $0.ins == 0xB0 && $0.p1 & 0x80 == 0 }.allSatisfy { Int($0.p1) << 8 | Int($0.p2) <= 0x7FFF })
        #expect(await chip.overreads == 0)
    }

    @Test func progressIsMonotoneAndEndsAtTheTotal() async throws {
        let file = ReaderFixtures.file(tag: 0x75, total: 5_000)
        let chip = try Self.chip(file: file)
        let reports = Mutex<[ReadProgress]>([])
        let session = ChipSession(transport: chip)
        _ = try await session.readFile(Self.dg) { report in reports.withLock { $0.append(report) } }
        let seen = reports.withLock { $0 }
        #expect(seen.count == Self.minimumCommands(total: 5_000, chunk: 0xDF))
        #expect(zip(seen, seen.dropFirst()).allSatisfy { $0.bytesRead < $1.bytesRead })
        #expect(seen.allSatisfy { $0.bytesExpected == 5_000 && $0.file == Self.dg })
        #expect(seen.last?.bytesRead == 5_000)
        #expect(seen.last?.fraction == 1)
    }

    @Test func hostileLengthIsRefusedBeforeAnyFurtherRead() async throws {
        let chip = try Self.chip(file: hex("6D84FFFFFFFF00"))
        let session = ChipSession(transport: chip)
        await #expect(throws: ChipReadError.self) { try await session.readFile(Self.dg) }
        do {
            _ = try await session.readFile(Self.dg)
        } catch let error as ChipReadError {
            #expect(error.reason == .malformedResponse)
        }
        #expect(await chip.commands.filter { $0.ins == 0xB0 }.count == 4)
    }

    @Test func fileShorterThanItsHeaderIsMalformed() async throws {
        let chip = try Self.chip(file: Array(ReaderFixtures.file(tag: 0x6D, total: 600).prefix(400)))
        let session = ChipSession(transport: chip)
        await expectReadFailure(.malformedResponse) { _ = try await session.readFile(Self.dg) }
    }

    @Test func missingAndDeniedFilesHaveTheirOwnErrors() async throws {
        let chip = try Self.chip(file: ReaderFixtures.file(tag: 0x6D, total: 50))
        let session = ChipSession(transport: chip)
        await expectReadFailure(.fileNotFound) { _ = try await session.readFile(ChipFile.dataGroup(11)!) }
        await expectReadFailure(.accessDenied) { _ = try await session.readFile(ChipFile.dataGroup(3)!) }
    }

    @Test func cardRemovedMidReadPropagatesTheTransportError() async throws {
        let chip = try Self.chip(file: ReaderFixtures.file(tag: 0x75, total: 3_000)) { $0.removedAtCommand = 5 }
        let session = ChipSession(transport: chip)
        await #expect(throws: ReaderTestChip.CardRemoved.self) { try await session.readFile(Self.dg) }
    }

    @Test func anExhaustedTimeBudgetStopsBeforeTheNextAPDU() async throws {
        let chip = try Self.chip(file: ReaderFixtures.file(tag: 0x75, total: 3_000))
        let session = ChipSession(transport: chip, timeout: .zero)
        await expectReadFailure(.timedOut) { _ = try await session.readFile(Self.dg) }
        #expect(await chip.commands.isEmpty)
    }
}

/// Expects `body` to throw a ``ChipReadError`` with `reason`.
func expectReadFailure(
    _ reason: ChipReadFailure, sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> Void
) async {
    do {
        try await body()
        Issue.record("expected \(reason.rawValue), nothing was thrown", sourceLocation: sourceLocation)
    } catch let error as ChipReadError {
        #expect(error.reason == reason, sourceLocation: sourceLocation)
    } catch {
        Issue.record("expected \(reason.rawValue), got \(error)", sourceLocation: sourceLocation)
    }
}
