import CCCDIdentity
import ChipProtocol
import ICAOCrypto
import Testing

/// Opening the chip: PACE with the CAN first, BAC with the QR's expiry candidates as the fallback,
/// each with the fewest round trips.
@Suite struct ReaderAccessTests {
    /// The spec's invented sample citizen (cccd.md §1).
    static let samplePayload = "001190000123|012345678|Nguyễn Thị Mẫu|15031990|Nữ|Số 1 phố Ví Dụ, Phường Mẫu, Quận Thử, Hà Nội|01072021"

    static func sampleQR() throws -> CitizenQR {
        guard case .cccd(let qr) = try ScannedQR.parse(samplePayload) else { throw ChipSideFailure() }
        return qr
    }

    static func files() -> [UInt16: [UInt8]] {
        [0x011E: ReaderFixtures.com(listing: [0x61]), 0x0101: ReaderFixtures.file(tag: 0x61, total: 95)]
    }

    static func instructions(_ chip: ReaderTestChip) async -> [String] {
        await chip.records.map { record in
            let name = switch (record.command.ins, record.command.p1) {
            case (0xA4, 0x04): "SELECT app"
            case (0xA4, 0x00): "SELECT MF"
            case (0xA4, _): "SELECT \(String(record.command.data.reduce(0) { $0 << 8 | Int($1) }, radix: 16))"
            case (0xB0, let p1) where p1 & 0x80 != 0: "READ \(String(p1 & 0x1F, radix: 16))"
            case (0xB0, _): "READ"
            case (0x22, _): "MSE"
            case (0x86, _): "GA"
            case (0x84, _): "GET CHALLENGE"
            case (0x82, _): "MUTUAL AUTH"
            default: String(record.command.ins, radix: 16)
            }
            return record.status.isSuccess ? name : "\(name) \(String(record.status.value, radix: 16))"
        }
    }

    @Test func qrOpensTheChipWithPACEOnTheCAN() async throws {
        let qr = try Self.sampleQR()
        let chip = try ReaderTestChip(.init(files: Self.files(), cardAccess: ReaderFixtures.cardAccess, can: qr.cardAccessNumber.digits))
        let session = ChipSession(transport: chip)
        let method = try await session.open(with: ChipCredentials(qr: qr))
        #expect(method.description == "PACE-ECDH-GM-AES-128 (CAN, parameter 13)")
        #expect(method.cipher == .aes128)
        // EF.CardAccess by its short identifier: header, then the rest — no SELECT.
        #expect(await Self.instructions(chip) == ["READ 1c", "READ", "MSE", "GA", "GA", "GA", "GA", "SELECT app"])
        #expect(try await session.readFile(.com) == ReaderFixtures.com(listing: [0x61]))
        #expect(await session.cardAccess == ReaderFixtures.cardAccess)
    }

    @Test func cardAccessRefusedByShortIdentifierIsSelectedAndTheApplicationStillUsesShortIdentifiers() async throws {
        let qr = try Self.sampleQR()
        let chip = try ReaderTestChip(.init(
            files: Self.files(), cardAccess: ReaderFixtures.cardAccess, can: qr.cardAccessNumber.digits,
            refusesCardAccessByShortIdentifier: true))
        let session = ChipSession(transport: chip)
        _ = try await session.open(with: ChipCredentials(qr: qr))
        #expect(try await session.readFile(.com) == ReaderFixtures.com(listing: [0x61]))
        #expect(await Self.instructions(chip) == [
            "READ 1c 6a86", "SELECT 11c", "READ", "READ", "MSE", "GA", "GA", "GA", "GA", "SELECT app", "READ 1e", "READ",
        ])
    }

    @Test func wrongCANIsItsOwnErrorAndBACIsNotTried() async throws {
        let qr = try Self.sampleQR()
        let chip = try ReaderTestChip(.init(files: Self.files(), cardAccess: ReaderFixtures.cardAccess, can: "999999"))
        await expectReadFailure(.wrongCardAccessNumber) { try await ChipSession(transport: chip).open(with: ChipCredentials(qr: qr)) }
        #expect(await chip.commands.allSatisfy { $0.ins != 0x84 && $0.ins != 0x82 })
    }

    @Test func missingCardAccessFallsBackToBACWithTwoAPDUsPerExpiryCandidate() async throws {
        let qr = try Self.sampleQR()
        let candidates = qr.bacKeyCandidates
        try #require(candidates.count >= 3)
        let chip = try ReaderTestChip(.init(files: Self.files(), bacKey: try BACKeys(mrz: MRZInformation(candidates[2]))))
        let session = ChipSession(transport: chip)
        #expect(try await session.open(with: ChipCredentials(qr: qr)) == .bac(candidateIndex: 2))
        #expect(await Self.instructions(chip) == [
            "READ 1c 6a82", "SELECT 11c 6a82", "SELECT MF 6d00", "SELECT app",
            "GET CHALLENGE", "MUTUAL AUTH 6300", "GET CHALLENGE", "MUTUAL AUTH 6300", "GET CHALLENGE", "MUTUAL AUTH",
        ])
        #expect(try await session.readFile(ChipFile.dataGroup(1)!) == ReaderFixtures.file(tag: 0x61, total: 95))
    }

    @Test(arguments: [StatusWord.securityStatusNotSatisfied, .lcInconsistentWithParameters])
    func paceRefusedAtSetupFallsBackToBAC(status: StatusWord) async throws {
        let qr = try Self.sampleQR()
        let chip = try ReaderTestChip(.init(
            files: Self.files(), cardAccess: ReaderFixtures.cardAccess, can: qr.cardAccessNumber.digits,
            bacKey: try BACKeys(mrz: MRZInformation(qr.bacKeyCandidates[0])), paceSetupStatus: status
        ))
        let session = ChipSession(transport: chip)
        #expect(try await session.open(with: ChipCredentials(qr: qr)) == .bac(candidateIndex: 0))
        #expect(try await session.readFile(.com).first == 0x60)
    }

    @Test func everyCandidateRefusedIsWrongMRZAfterTwoAPDUsEach() async throws {
        let qr = try Self.sampleQR()
        let stranger = try #require(BACKeyMaterial(documentNumber: "190000999", dateOfBirth: "900315", dateOfExpiry: "300315"))
        let chip = try ReaderTestChip(.init(files: Self.files(), bacKey: try BACKeys(mrz: MRZInformation(stranger))))
        await expectReadFailure(.wrongMRZ) { try await ChipSession(transport: chip).open(with: ChipCredentials(qr: qr)) }
        let authentication = await chip.commands.filter { $0.ins == 0x84 || $0.ins == 0x82 }
        #expect(authentication.count == 2 * qr.bacKeyCandidates.count)
        #expect(await chip.commands.filter { $0.ins == 0xA4 && $0.p1 == 0x04 }.count == 1)
    }

    @Test func passportMRZOpensABACOnlyChip() async throws {
        let mrz = try #require(BACKeyMaterial(documentNumber: "L898902C", dateOfBirth: "690806", dateOfExpiry: "940623"))
        let chip = try ReaderTestChip(.init(files: Self.files(), bacKey: try BACKeys(mrz: MRZInformation(mrz))))
        let session = ChipSession(transport: chip)
        #expect(try await session.open(with: ChipCredentials(mrz: mrz)) == .bac(candidateIndex: 0))
        #expect(try await session.readFile(.com) == ReaderFixtures.com(listing: [0x61]))
    }

    @Test func noCredentialsIsAClearError() async throws {
        let chip = try ReaderTestChip(.init(files: Self.files(), cardAccess: ReaderFixtures.cardAccess, can: "123456"))
        await expectReadFailure(.noUsableAccessKey) { try await ChipSession(transport: chip).open(with: ChipCredentials(cardAccessNumber: nil)) }
    }

    @Test func credentialsNeverPrintTheirSecrets() throws {
        let credentials = ChipCredentials(qr: try Self.sampleQR())
        #expect("\(credentials)" == "ChipCredentials(redacted)")
    }
}
