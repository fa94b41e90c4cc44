import CCCDIdentity
import ICAOCrypto
import LDS
import Testing
@testable import VirtualChip

/// The chip's files read back with the LDS module's parsers, the way the kiosk will read them.
@Suite struct LDSRoundTripTests {
    @Test func everyServedFileParses() throws {
        let chip = try VirtualCCCDChip(configuration: try Fixtures.configuration(aaKeyPEM: Fixtures.p256PEM))
        let files = chip.files
        let com = try EFCOM(encoded: files.efCOM)
        #expect(com.dataGroups == [.dg1, .dg2, .dg3, .dg13, .dg14, .dg15])

        let dg1 = try DataGroup1(encoded: try #require(files.genuineDataGroups[1]))
        #expect(try dg1.personalID == Fixtures.holder.personalID)

        let dg2 = try DataGroup2(encoded: try #require(files.genuineDataGroups[2]))
        #expect(dg2.faces.first?.bytes == Fixtures.smallPhoto)
        #expect(dg2.faces.first?.format == .jpeg)
        #expect(dg2.faces.first?.width == 120 && dg2.faces.first?.height == 160)

        let citizen = try DataGroup13(encoded: try #require(files.genuineDataGroups[13])).citizen
        #expect(citizen.fullName == "Nguyễn Thị Mẫu")
        #expect(citizen.dateOfBirth == Fixtures.holder.dateOfBirth)
        #expect(citizen.expiry == CardValidity(.on(CivilDate(year: 2030, month: 3, day: 15)!)))
        #expect(citizen.fatherName == "Nguyễn Văn Bố" && citizen.motherName == "Trần Thị Mẹ")
        #expect(citizen.oldIdNumber == "012345678")

        let dg14 = try DataGroup14(encoded: try #require(files.genuineDataGroups[14]))
        #expect(dg14.chipAuthenticationPublicKeys.count == 1)
        #expect(dg14.securityInfos.chipAuthenticationInfos.first?.cipher == .aes128)
        #expect(dg14.activeAuthenticationInfos.count == 1)
        let caKey = try SigningKey(pem: Fixtures.brainpoolPEM).ellipticCurveKeyPair().keyPair.publicKey
        #expect(dg14.chipAuthenticationPublicKeys.first?.publicKey.publicKey == caKey.uncompressedEncoding)

        let dg15 = try DataGroup15(encoded: try #require(files.genuineDataGroups[15]))
        #expect(dg15.publicKey.encoded == (try SigningKey(pem: Fixtures.p256PEM).subjectPublicKeyInfo()))
    }
}
