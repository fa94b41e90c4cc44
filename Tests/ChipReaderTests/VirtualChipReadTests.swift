import CCCDIdentity
import ChipProtocol
import ICAOCrypto
import LDS
import Testing
import VirtualChip

/// End to end in process: the reader's orchestration against the virtual CCCD engine (another
/// helper's card-side code), parsed back with the LDS module.
@Suite(.enabled(if: VirtualCard.toolsAvailable, "SKIPPED: openssl and ImageMagick are needed to build virtual cards"))
struct VirtualChipReadTests {
    /// Header (by short EF identifier, which selects the file) + ⌈rest / chunk⌉ per file.
    static func minimumFileCommands(_ sizes: [Int], chunk: Int = 0xDF) -> Int {
        sizes.reduce(0) { $0 + 1 + ($1 - 4 + chunk - 1) / chunk }
    }

    @Test func qrOpensAndReadsAGenuineCard() async throws {
        let transport = try VirtualCard.transport()
        let qr = try VirtualCard.qr()
        let result = try await ChipSession.read(over: transport, credentials: ChipCredentials(qr: qr))

        #expect(result.accessMethod.description == "PACE-ECDH-GM-AES-128 (CAN, parameter 13)")
        let dataGroups = result.files.compactMap(\.file.dataGroupNumber)
        #expect(dataGroups == [1, 2, 13, 14, 15])
        #expect(result.skipped.isEmpty)
        #expect(result.bytes(of: .sod) == VirtualCard.placeholderSecurityObject)
        for read in result.files {
            guard let number = read.file.dataGroupNumber else { continue }
            #expect(transport.chip.files.genuineDataGroups[number] == read.bytes)
        }
        let dg13 = try DataGroup13(encoded: try #require(result.bytes(of: ChipFile.dataGroup(13)!)))
        #expect(dg13.citizen.fullName == qr.fullName)
        #expect(dg13.citizen.idNumber == qr.personalID)
        let dg1 = try DataGroup1(encoded: try #require(result.bytes(of: ChipFile.dataGroup(1)!)))
        #expect(try dg1.personalID == qr.personalID)
        _ = try DataGroup14(encoded: try #require(result.bytes(of: ChipFile.dataGroup(14)!)))

        #expect(result.chipAuthentication?.status == .verified)
        #expect(result.activeAuthentication?.status == .signatureValid)
        #expect(result.activeAuthentication?.signatureScheme?.hasPrefix("RSA ISO/IEC 9796-2") == true)

        // Every APDU is counted, and file reads cost exactly the minimum for Le 0xDF:
        // EF.CardAccess by short identifier (2) + PACE (5) + SELECT app + files + CA (2) + AA (1).
        #expect(result.statistics.commandCount == transport.traffic.commands)
        let sizes = result.files.filter { $0.file != .cardAccess }.map(\.bytes.count)
        #expect(result.statistics.commandCount == 2 + 5 + 1 + Self.minimumFileCommands(sizes) + 2 + 1)
    }

    @Test func clonedChipFailsActiveAuthentication() async throws {
        let transport = try VirtualCard.transport { $0.clonedChip = true }
        let result = try await ChipSession.read(over: transport, credentials: ChipCredentials(qr: try VirtualCard.qr()), plan: .withoutFaceImage)
        #expect(result.activeAuthentication?.status == .signatureInvalid)
        #expect(result.chipAuthentication?.status == .verified)
    }

    @Test func bacOnlyCardOpensWithTheQRsExpiryCandidates() async throws {
        // A card issued at 58+ never expires (991231): the last candidate the QR derives.
        let transport = try VirtualCard.transport(holder: try VirtualCard.holder(expiry: .never)) { $0.bacOnly = true }
        let qr = try VirtualCard.qr()
        let result = try await ChipSession.read(over: transport, credentials: ChipCredentials(qr: qr), plan: .withoutFaceImage)
        #expect(result.accessMethod == .bac(candidateIndex: qr.bacKeyCandidates.count - 1))
        #expect(result.bytes(of: ChipFile.dataGroup(13)!) == transport.chip.files.genuineDataGroups[13])
        #expect(result.activeAuthentication?.status == .signatureValid)
    }

    @Test(arguments: [(ChipOptions.Mapping.integrated, ChipOptions.CipherName.aes256, 13),
                      (.generic, .tripleDES, 12), (.integrated, .aes128, 18), (.generic, .aes192, 2)])
    func otherPACEVariantsOpenTheCard(mapping: ChipOptions.Mapping, cipher: ChipOptions.CipherName, parameterID: Int) async throws {
        let transport = try VirtualCard.transport {
            $0.paceMapping = mapping
            $0.paceCipher = cipher
            $0.paceParameterID = parameterID
            $0.requireParameterID = true
        }
        let result = try await ChipSession.read(over: transport, credentials: ChipCredentials(qr: try VirtualCard.qr()), plan: .withoutFaceImage)
        guard case .pace(let access) = result.accessMethod else {
            Issue.record("opened with \(result.accessMethod)")
            return
        }
        #expect(access.parameterID == parameterID)
        #expect(access.mapping == (mapping == .integrated ? .integrated : .generic))
        #expect(result.bytes(of: ChipFile.dataGroup(1)!) == transport.chip.files.genuineDataGroups[1])
        #expect(result.chipAuthentication?.status == .verified)
    }

    @Test(arguments: [ChipOptions.CipherName.tripleDES, .aes128, .aes256])
    func chipAuthenticationRunsWithTheCipherDG14Names(cipher: ChipOptions.CipherName) async throws {
        let transport = try VirtualCard.transport { $0.chipAuthenticationCipher = cipher }
        let result = try await ChipSession.read(over: transport, credentials: ChipCredentials(qr: try VirtualCard.qr()), plan: .withoutFaceImage)
        let outcome = try #require(result.chipAuthentication)
        #expect(outcome.status == .verified, "\(outcome.detail ?? "")")
        let expected = switch cipher {
        case .tripleDES: "3DES"
        case .aes128: "AES-128"
        case .aes192: "AES-192"
        case .aes256: "AES-256"
        }
        #expect(outcome.protocolName.hasSuffix(expected), "\(outcome.protocolName)")
        // Active Authentication comes after CA: it ran under the new session keys.
        #expect(result.activeAuthentication?.status == .signatureValid)
    }

    @Test func extendedLengthReadsTheLargePortraitWithOddINSAndFewAPDUs() async throws {
        let transport = try VirtualCard.transport(photo: VirtualCard.largePhoto)
        let session = ChipSession(transport: transport, policy: .extended(readerMaximumResponseLength: 65_538))
        try await session.open(with: ChipCredentials(qr: try VirtualCard.qr()))
        let before = await session.statistics.commandCount
        let dg2 = try await session.readFile(ChipFile.dataGroup(2)!)
        #expect(dg2.count > 0x8000)
        #expect(dg2 == transport.chip.files.genuineDataGroups[2])
        #expect(await session.statistics.commandCount - before == 2)
        _ = try DataGroup2(encoded: dg2)
    }

    @Test func shortOnlyReadOfTheLargePortraitCrossesOffset7FFF() async throws {
        let transport = try VirtualCard.transport(photo: VirtualCard.largePhoto)
        let session = ChipSession(transport: transport)
        try await session.open(with: ChipCredentials(qr: try VirtualCard.qr()))
        let before = await session.statistics.commandCount
        let dg2 = try await session.readFile(ChipFile.dataGroup(2)!)
        #expect(dg2 == transport.chip.files.genuineDataGroups[2])
        #expect(await session.statistics.commandCount - before >= Self.minimumFileCommands([dg2.count]))
    }

    @Test func chipWithoutExtendedLengthFallsBack() async throws {
        let transport = try VirtualCard.transport { $0.noExtendedLength = true }
        let result = try await ChipSession.read(
            over: transport, credentials: ChipCredentials(qr: try VirtualCard.qr()), policy: .extended(readerMaximumResponseLength: 65_538)
        )
        #expect(result.bytes(of: ChipFile.dataGroup(2)!) == transport.chip.files.genuineDataGroups[2])
        #expect(result.activeAuthentication?.status == .signatureValid)
    }

    @Test(arguments: [ChipOptions.MaxLeBehaviour.cap, .wrongLength, .exactLength])
    func chipWithASmallMaximumLeIsReadCompletely(behaviour: ChipOptions.MaxLeBehaviour) async throws {
        let transport = try VirtualCard.transport {
            $0.maxLe = 0x80
            $0.maxLeBehaviour = behaviour
        }
        let result = try await ChipSession.read(over: transport, credentials: ChipCredentials(qr: try VirtualCard.qr()), plan: .withoutFaceImage)
        #expect(result.bytes(of: .com) == transport.chip.files.efCOM)
        #expect(result.bytes(of: .sod) == VirtualCard.placeholderSecurityObject)
        #expect(result.bytes(of: ChipFile.dataGroup(13)!) == transport.chip.files.genuineDataGroups[13])
        if behaviour != .cap {
            // The chip's limit is learnt once — one 6C80, or 6700 to 0xDF and to 0xA0 — then every
            // read asks for 0x80.
            let sizes = result.files.filter { $0.file != .cardAccess }.map(\.bytes.count)
            let refusals = behaviour == .exactLength ? 1 : 2
            #expect(result.statistics.commandCount == 2 + 5 + 1 + Self.minimumFileCommands(sizes, chunk: 0x80) + refusals + 2 + 1)
        }
    }

    @Test func cardWithoutChipAuthenticationReportsNone() async throws {
        let transport = try VirtualCard.transport { $0.withoutCA = true }
        let result = try await ChipSession.read(over: transport, credentials: ChipCredentials(qr: try VirtualCard.qr()), plan: .withoutFaceImage)
        #expect(result.chipAuthentication == nil)
        #expect(!result.files.contains { $0.file.dataGroupNumber == 14 })
    }

    @Test func knownMRZRunsPACEWithTheMRZ() async throws {
        let holder = try VirtualCard.holder()
        let mrz = try #require(holder.bacKeyMaterial)
        let transport = try VirtualCard.transport(holder: holder)
        let result = try await ChipSession.read(over: transport, credentials: ChipCredentials(mrz: mrz), plan: .withoutFaceImage)
        #expect(result.accessMethod.description == "PACE-ECDH-GM-AES-128 (MRZ, parameter 13)")
        #expect(result.bytes(of: ChipFile.dataGroup(1)!) == transport.chip.files.genuineDataGroups[1])
    }

    @Test func anotherCardsQRIsAWrongCAN() async throws {
        let transport = try VirtualCard.transport()
        let other = try VirtualCard.qr("079205000456||Trần Văn Thử|20112005|Nam|Số 2 đường Giả Định, Phường Minh Họa, TP. Hồ Chí Minh|15082024||||")
        do {
            _ = try await ChipSession.read(over: transport, credentials: ChipCredentials(qr: other))
            Issue.record("another card's CAN opened the chip")
        } catch let error as ChipReadError {
            #expect(error.reason == .wrongCardAccessNumber)
            #expect(error.code == "chip.access.wrongCAN")
        }
    }

    @Test func rsa2048ActiveAuthenticationNeedsExtendedLength() async throws {
        let transport = try VirtualCard.transport(aaKey: VirtualCard.rsa2048)
        let result = try await ChipSession.read(
            over: transport, credentials: ChipCredentials(qr: try VirtualCard.qr()), plan: .withoutFaceImage,
            policy: .extended(readerMaximumResponseLength: 65_538)
        )
        #expect(result.activeAuthentication?.status == .signatureValid)
    }

    @Test func resettableReaderResetsTheCardWhenRecovering() async throws {
        let transport = try VirtualCard.transport()
        let session = ChipSession(transport: ResettingTransport(base: transport))
        try await session.open(with: ChipCredentials(qr: try VirtualCard.qr()))
        // Reset behind the reader's back: the chip forgets the session; the next protected
        // command gets a plain error, and the reader re-opens (resetting once more) and reads.
        transport.chip.reset()
        let dg1 = try await session.readFile(ChipFile.dataGroup(1)!)
        #expect(dg1 == transport.chip.files.genuineDataGroups[1])
    }
}

/// A read result in a log line shows counts and the method, never the holder's data.
@Suite(.enabled(if: VirtualCard.toolsAvailable, "SKIPPED: openssl and ImageMagick are needed to build virtual cards"))
struct ReadResultRedactionTests {
    @Test func printingAResultLeaksNoChipData() async throws {
        let transport = try VirtualCard.transport()
        let result = try await ChipSession.read(over: transport, credentials: ChipCredentials(qr: try VirtualCard.qr()), plan: .withoutFaceImage)
        let printed = "\(result) \(String(reflecting: result)) \(result.files)"
        #expect(printed.contains("PACE-ECDH-GM-AES-128"))
        for leak in ["NGUYEN", "190000123", "Nguy", "001190000123", "[97"] {
            #expect(!printed.contains(leak))
        }
        var dumped = ""
        dump(result, to: &dumped)
        #expect(!dumped.contains("NGUYEN") && !dumped.contains("190000123"))
    }
}
