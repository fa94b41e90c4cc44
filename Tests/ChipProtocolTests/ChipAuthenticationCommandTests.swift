import ChipProtocol
import ICAOCrypto
import Testing

/// The Chip Authentication APDUs: MSE:Set AT with the protocol OID (and the key id only when
/// given), GENERAL AUTHENTICATE with our key in 7C 80, and the restart of secure messaging.
@Suite struct ChipAuthenticationCommandTests {
    static func openedSession(chipKey: ECKeyPair) async throws -> (ChipSession, ReaderTestChip) {
        var configuration = ReaderTestChip.Configuration(
            files: [0x011E: ReaderFixtures.com(listing: [0x61])], cardAccess: ReaderFixtures.cardAccess, can: ReaderFixtures.can
        )
        configuration.chipAuthenticationPrivateKey = chipKey.privateKey
        let chip = try ReaderTestChip(configuration)
        let session = ChipSession(transport: chip)
        try await session.open(with: ReaderFixtures.credentials())
        return (session, chip)
    }

    @Test(arguments: [nil, 3] as [Int?])
    func setATCarriesTheOIDAndTheKeyIDOnlyWhenGiven(keyID: Int?) async throws {
        let chipKey = try ReaderFixtures.chipAuthenticationKeyPair()
        let (session, chip) = try await Self.openedSession(chipKey: chipKey)
        let key = ChipAuthenticationKey(subjectPublicKeyInfo: ReaderFixtures.brainpoolSubjectPublicKeyInfo(chipKey.publicKey), keyID: keyID)
        let info = try ChipSecurityOptions(dg14: ReaderFixtures.dg14(chipKey: chipKey.publicKey)).chipAuthenticationInfos.first
        let outcome = try await session.chipAuthenticate(key: key, info: info)
        #expect(outcome.status == .verified)
        #expect(await session.currentCipher == .aes128)

        let commands = await chip.commands
        let mse = try #require(commands.first { $0.ins == 0x22 && $0.p1 == 0x41 })
        #expect(mse.p2 == 0xA4)
        let objects = try TLV.decodeSequence(mse.data)
        #expect(objects.first(tag: 0x80)?.value == hex("04007F00070202030202"))
        #expect(objects.first(tag: 0x84)?.value == keyID.map { [UInt8($0)] })
        let generalAuthenticate = try #require(commands.last { $0.ins == 0x86 })
        let ours = try TLV(decoding: generalAuthenticate.data, expectedTag: 0x7C).children().required(tag: 0x80).value
        #expect(ours.count == 65 && ours.first == 0x04)
        // Confirmed by a SELECT under the new keys, which the chip answered.
        #expect(commands.last?.ins == 0xA4)
    }

    @Test func chipThatRefusesSetATIsReportedAndTheSessionGoesOn() async throws {
        let chipKey = try ReaderFixtures.chipAuthenticationKeyPair()
        var configuration = ReaderTestChip.Configuration(
            files: [0x011E: ReaderFixtures.com(listing: [0x61])], cardAccess: ReaderFixtures.cardAccess, can: ReaderFixtures.can
        )
        configuration.chipAuthenticationPrivateKey = nil
        let chip = try ReaderTestChip(configuration)
        let session = ChipSession(transport: chip)
        try await session.open(with: ReaderFixtures.credentials())
        let key = ChipAuthenticationKey(subjectPublicKeyInfo: ReaderFixtures.brainpoolSubjectPublicKeyInfo(chipKey.publicKey))
        let info = try ChipSecurityOptions(dg14: ReaderFixtures.dg14(chipKey: chipKey.publicKey)).chipAuthenticationInfos.first
        let outcome = try await session.chipAuthenticate(key: key, info: info)
        #expect(outcome.status == .chipRefused)
        #expect(outcome.detail == "MSE: 6A86 (incorrect parameters P1-P2)")
        #expect(try await session.readFile(.com) == ReaderFixtures.com(listing: [0x61]))
    }

    @Test func keyThatIsNotAKeyIsUnsupported() async throws {
        let chipKey = try ReaderFixtures.chipAuthenticationKeyPair()
        let (session, _) = try await Self.openedSession(chipKey: chipKey)
        let outcome = try await session.chipAuthenticate(key: ChipAuthenticationKey(subjectPublicKeyInfo: hex("300100")), info: nil)
        #expect(outcome.status == .unsupported)
        #expect(outcome.isProven(dg14BoundByPassiveAuthentication: true) == false)
    }
}
