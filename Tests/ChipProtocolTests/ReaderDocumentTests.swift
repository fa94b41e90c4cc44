import CCCDIdentity
import ChipProtocol
import ICAOCrypto
import Synchronization
import Testing

/// Whole reads: the read plan, Chip and Active Authentication inside it, secure-messaging
/// recovery and failures that must leave nothing half-read.
@Suite(.enabled(if: OpenSSLTool.isAvailable, "SKIPPED: the openssl command-line tool is not installed"))
struct ReaderDocumentTests {
    /// A CCCD-shaped chip: PACE-CAN, CA key on brainpoolP256r1, an ECDSA AA key made and used by
    /// `openssl` (explicit brainpool parameters, as DG15s carry them).
    struct Card {
        let chip: ReaderTestChip
        let files: [UInt16: [UInt8]]
        let tool: OpenSSLTool
    }

    static func card(
        cloneChipAuthenticationKey: Bool = false, _ adjust: (inout ReaderTestChip.Configuration) -> Void = { _ in }
    ) throws -> Card {
        let tool = try OpenSSLTool()
        let spki = try tool.generateKey(named: "aa.pem", [
            "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:brainpoolP256r1", "-pkeyopt", "ec_param_enc:explicit",
        ])
        let chipKey = try ReaderFixtures.chipAuthenticationKeyPair()
        let files = ReaderFixtures.cccdFiles(dg14: ReaderFixtures.dg14(chipKey: chipKey.publicKey), dg15: TLV(tag: 0x6F, value: spki).encoded)
        var configuration = ReaderTestChip.Configuration(files: files, cardAccess: ReaderFixtures.cardAccess, can: ReaderFixtures.can)
        configuration.chipAuthenticationPrivateKey = cloneChipAuthenticationKey ? try ReaderFixtures.chipAuthenticationKeyPair().privateKey : chipKey.privateKey
        configuration.activeAuthenticationSigner = { challenge in
            try ECDSAPlain.fromDER(try tool.ecdsaSign(key: "aa.pem", digest: "sha256", message: challenge), orderLength: 32)
        }
        adjust(&configuration)
        return Card(chip: try ReaderTestChip(configuration), files: files, tool: tool)
    }

    /// Header (by short EF identifier) + ⌈rest / 0xDF⌉ for each file.
    static func minimumFileCommands(_ sizes: [Int]) -> Int {
        sizes.reduce(0) { $0 + 1 + ($1 - 4 + 0xDE) / 0xDF }
    }

    @Test func fullCCCDReadWithChipAndActiveAuthentication() async throws {
        let card = try Self.card()
        defer { card.tool.cleanUp() }
        let reports = Mutex<[ReadProgress]>([])
        let result = try await ChipSession.read(over: card.chip, credentials: ReaderFixtures.credentials()) { report in
            reports.withLock { $0.append(report) }
        }
        let expectedOrder: [UInt16] = [0x011E, 0x011D, 0x0101, 0x0102, 0x010D, 0x010E, 0x010F]
        #expect(result.files.map(\.file.identifier) == [0x011C] + expectedOrder)
        for id in expectedOrder {
            #expect(result.files.first { $0.file.identifier == id }?.bytes == card.files[id])
        }
        #expect(result.bytes(of: .cardAccess) == ReaderFixtures.cardAccess)
        #expect(result.listedDataGroupTags == [0x61, 0x75, 0x63, 0x6D, 0x6E, 0x6F])
        #expect(result.skipped.isEmpty)
        #expect(await card.chip.commands.allSatisfy { !($0.ins == 0xA4 && $0.data == [0x01, 0x03]) })
        #expect(result.accessMethod.description == "PACE-ECDH-GM-AES-128 (CAN, parameter 13)")
        #expect(result.chipAuthentication?.status == .verified)
        #expect(result.chipAuthentication?.protocolName == "CA-ECDH-AES-128")
        #expect(result.chipAuthentication?.isProven(dg14BoundByPassiveAuthentication: false) == false)
        #expect(result.activeAuthentication?.status == .signatureValid)
        #expect(result.activeAuthentication?.signatureScheme == "ECDSA, SHA256")

        // Access (EF.CardAccess 2 by short identifier, PACE 5, SELECT app 1) + files at the minimum + CA (2) + AA (1).
        let sizes = expectedOrder.compactMap { card.files[$0]?.count }
        #expect(result.statistics.commandCount == 8 + Self.minimumFileCommands(sizes) + 2 + 1)
        #expect(result.fileBytes == sizes.reduce(ReaderFixtures.cardAccess.count, +))
        #expect(await card.chip.overreads == 0)

        let seen = reports.withLock { $0 }
        #expect(Set(seen.map(\.file)) == Set(result.files.map(\.file)).subtracting([.cardAccess]))
        #expect(seen.allSatisfy { $0.fileCount == 7 && $0.bytesRead <= $0.bytesExpected })
    }

    @Test func dataGroupsNotListedAreNotTriedAndDeniedOnesAreSkipped() async throws {
        let card = try Self.card()
        defer { card.tool.cleanUp() }
        let session = ChipSession(transport: card.chip)
        try await session.open(with: ReaderFixtures.credentials())
        let result = try await session.readDocument(ReadPlan(dataGroups: [1, 3, 11], chipAuthentication: false, activeAuthentication: false))
        #expect(result.files.compactMap(\.file.dataGroupNumber) == [1])
        #expect(result.skipped == [SkippedFile(file: ChipFile.dataGroup(3)!, reason: .accessDenied)])
        #expect(await card.chip.commands.allSatisfy { !($0.ins == 0xA4 && $0.data == [0x01, 0x0B]) })
        #expect(result.chipAuthentication == nil && result.activeAuthentication == nil)
    }

    @Test func clonedChipFailsChipAuthenticationButTheReadCompletes() async throws {
        let card = try Self.card(cloneChipAuthenticationKey: true)
        defer { card.tool.cleanUp() }
        let result = try await ChipSession.read(over: card.chip, credentials: ReaderFixtures.credentials())
        #expect(result.chipAuthentication?.status == .keysNotConfirmed)
        #expect(result.bytes(of: ChipFile.dataGroup(15)!) == card.files[0x010F])
        #expect(await card.chip.paceRuns == 2)
    }

    @Test func desynchronisedSessionIsReopenedAndTheReadContinues() async throws {
        let card = try Self.card { $0.desyncAtCommand = 20 }
        defer { card.tool.cleanUp() }
        let result = try await ChipSession.read(over: card.chip, credentials: ReaderFixtures.credentials(), plan: .withoutFaceImage)
        for file in [ChipFile.com, .sod, ChipFile.dataGroup(1)!, ChipFile.dataGroup(13)!, ChipFile.dataGroup(14)!, ChipFile.dataGroup(15)!] {
            #expect(result.bytes(of: file) == card.files[file.identifier])
        }
        #expect(await card.chip.paceRuns == 2)
        #expect(result.chipAuthentication?.status == .verified)
        #expect(await card.chip.overreads == 0)
    }

    @Test(arguments: [false, true])
    func responseDamagedInTransitReopensAChipStillInItsSession(bac: Bool) async throws {
        let mrz = try #require(BACKeyMaterial(documentNumber: "190000123", dateOfBirth: "900315", dateOfExpiry: "300315"))
        let card = try Self.card {
            $0.corruptedResponseAtCommand = 20
            if bac {
                $0.cardAccess = nil
                $0.can = nil
                $0.bacKey = try? BACKeys(mrz: MRZInformation(mrz))
            }
        }
        defer { card.tool.cleanUp() }
        let credentials = bac ? ChipCredentials(mrz: mrz) : ReaderFixtures.credentials()
        let result = try await ChipSession.read(over: card.chip, credentials: credentials, plan: .withoutFaceImage)
        for file in [ChipFile.com, .sod, ChipFile.dataGroup(1)!, ChipFile.dataGroup(13)!, ChipFile.dataGroup(14)!, ChipFile.dataGroup(15)!] {
            #expect(result.bytes(of: file) == card.files[file.identifier])
        }
        // The first plain command after the damage only ended the chip's session (6988).
        #expect(await card.chip.records.contains { $0.status == .incorrectSecureMessagingObjects && $0.command.cla & 0x0C == 0 })
        if !bac { #expect(await card.chip.paceRuns == 2) }
    }

    @Test(arguments: [UInt8(0x88), 0x86])
    func secureMessagingBrokenDuringACloneCheckIsReportedAndTheReadCompletes(instruction: UInt8) async throws {
        let card = try Self.card { $0.desyncOnInstruction = instruction }
        defer { card.tool.cleanUp() }
        let result = try await ChipSession.read(over: card.chip, credentials: ReaderFixtures.credentials(), plan: .withoutFaceImage)
        let refused = instruction == 0x88 ? result.activeAuthentication?.status == .chipRefused : result.chipAuthentication?.status == .chipRefused
        #expect(refused)
        #expect(result.bytes(of: ChipFile.dataGroup(15)!) == card.files[0x010F])
        #expect(await card.chip.paceRuns == 2)
    }

    @Test func extendedLengthRefusedWith6988UnderSecureMessagingReopensAndReadsShort() async throws {
        let card = try Self.card {
            $0.supportsExtendedLength = true
            $0.rejectsExtendedWith6988 = true
        }
        defer { card.tool.cleanUp() }
        let result = try await ChipSession.read(
            over: card.chip, credentials: ReaderFixtures.credentials(), plan: ReadPlan(dataGroups: [2], chipAuthentication: false, activeAuthentication: false),
            policy: .extended(readerMaximumResponseLength: 65_538)
        )
        #expect(result.bytes(of: ChipFile.dataGroup(2)!) == card.files[0x0102])
        #expect(await card.chip.paceRuns == 2)
        let extended = await card.chip.commands.filter { $0.ins == 0xB0 && ($0.expectedLength ?? 0) > 256 }
        #expect(extended.count == 1)
    }

    @Test func extendedLengthUnderSecureMessagingReadsTheFaceImageInOneAPDU() async throws {
        let card = try Self.card { $0.supportsExtendedLength = true }
        defer { card.tool.cleanUp() }
        let session = ChipSession(transport: card.chip, policy: .extended(readerMaximumResponseLength: 65_538))
        try await session.open(with: ReaderFixtures.credentials())
        let before = await session.statistics.commandCount
        #expect(try await session.readFile(ChipFile.dataGroup(2)!) == card.files[0x0102])
        #expect(await session.statistics.commandCount - before == 2)
    }

    @Test func cardPulledMidReadThrowsAndReturnsNothing() async throws {
        let card = try Self.card { $0.removedAtCommand = 25 }
        defer { card.tool.cleanUp() }
        await #expect(throws: ReaderTestChip.CardRemoved.self) {
            _ = try await ChipSession.read(over: card.chip, credentials: ReaderFixtures.credentials())
        }
    }

    @Test func bacOnlyChipReadsOver3DESSecureMessaging() async throws {
        let mrz = try #require(BACKeyMaterial(documentNumber: "190000123", dateOfBirth: "900315", dateOfExpiry: "300315"))
        let card = try Self.card {
            $0.cardAccess = nil
            $0.can = nil
            $0.bacKey = try? BACKeys(mrz: MRZInformation(mrz))
        }
        defer { card.tool.cleanUp() }
        let result = try await ChipSession.read(over: card.chip, credentials: ChipCredentials(mrz: mrz), plan: .withoutFaceImage)
        #expect(result.accessMethod == .bac(candidateIndex: 0))
        #expect(result.bytes(of: ChipFile.dataGroup(13)!) == card.files[0x010D])
        #expect(result.chipAuthentication?.status == .verified)
        #expect(result.activeAuthentication?.status == .signatureValid)
    }

    @Test func malformedDG14IsReadButChipAuthenticationCannotRun() async throws {
        let card = try Self.card { $0.files[0x010E] = hex("6E03020101") }
        defer { card.tool.cleanUp() }
        let result = try await ChipSession.read(over: card.chip, credentials: ReaderFixtures.credentials(), plan: .withoutFaceImage)
        #expect(result.bytes(of: ChipFile.dataGroup(14)!) == hex("6E03020101"))
        #expect(result.chipAuthentication?.status == .unsupported)
        #expect(result.activeAuthentication?.status == .signatureValid)
    }

    @Test func readDocumentBeforeOpenIsAClearError() async throws {
        let card = try Self.card()
        defer { card.tool.cleanUp() }
        await expectReadFailure(.noUsableAccessKey) { _ = try await ChipSession(transport: card.chip).readDocument() }
    }
}
