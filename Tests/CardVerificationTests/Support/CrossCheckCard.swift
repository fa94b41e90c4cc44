import CCCDIdentity
import CCCDTestSupport
import CardVerification
import Foundation
import ICAOCrypto
import LDS
import Testing

/// An invented holder's card whose DG1 and DG13 can be made to disagree, signed by `openssl cms`
/// under a test chain, so each cross-check can be made to fail under a valid signature.
struct CrossCheckCard {
    /// The fields DG1's MRZ is built from (`VietnameseMRZ.td1Lines`).
    struct MRZFields {
        var personalID: PersonalID
        var dateOfBirth: CivilDate
        var sex: Sex
        var expiry: CardExpiry
        var fullName: String
    }

    static let expiry = CardExpiry.on(CivilDate(year: 2030, month: 3, day: 15)!)

    /// Nguyễn Thị Mẫu, an invented person (the repository's sample holder).
    static func qr(id: String = "001190000123", fullName: String = "Nguyễn Thị Mẫu", dateOfBirth: CivilDate = CivilDate(year: 1990, month: 3, day: 15)!,
                   sex: Sex = .female, issueDate: CivilDate = CivilDate(year: 2021, month: 7, day: 1)!) throws -> CitizenQR {
        try CitizenQR(personalID: try #require(PersonalID(id)), fullName: fullName, dateOfBirth: dateOfBirth, sex: sex,
                             address: "Số 1 phố Ví Dụ, Phường Mẫu, Quận Thử, Hà Nội", issueDate: issueDate)
    }

    var mrz: MRZFields
    /// Nil: the card has no DG13.
    var citizen: VietnameseCitizenData?

    /// The genuine card: DG1 and DG13 from the same holder as ``qr(id:fullName:dateOfBirth:sex:issueDate:)``.
    static func genuine() throws -> CrossCheckCard {
        let holder = try qr()
        return CrossCheckCard(
            mrz: MRZFields(personalID: holder.personalID, dateOfBirth: holder.dateOfBirth, sex: holder.sex, expiry: expiry, fullName: holder.fullName),
            citizen: VietnameseCitizenData(qr: holder, expiry: expiry))
    }

    /// DG1 (and DG13) signed into an EF.SOD by `chain`'s document signer.
    func files(signedBy chain: TestChain, in directory: URL) async throws -> LDSFileSet {
        var groups: [DataGroup: [UInt8]] = [
            .dg1: try DataGroup1.encode(lines: VietnameseMRZ.td1Lines(personalID: mrz.personalID, dateOfBirth: mrz.dateOfBirth, sex: mrz.sex,
                                                                     expiry: mrz.expiry, fullName: mrz.fullName)),
        ]
        if let citizen { groups[.dg13] = try DataGroup13.encode(citizen) }
        let object = try LDSSecurityObject.hashing(groups, with: .sha256)
        let cms = try await signWithOpenSSLCMS(try object.derEncoded(), signer: chain.signer, in: directory)
        var files = LDSFileSet()
        files[.sod] = EFSOD.encode(contentInfo: cms)
        for (group, bytes) in groups { files[.dataGroup(group)] = bytes }
        return files
    }
}

extension CardVerifier {
    /// The verdict for saved files (no Active or Chip Authentication).
    func verdict(_ files: LDSFileSet, qr: CitizenQR?, today: CivilDate) -> CardVerdict {
        verdict(passive: passiveAuthenticator.verify(files), files: files, chipAuthentication: nil, activeAuthentication: nil,
                qr: qr, today: today)
    }
}
