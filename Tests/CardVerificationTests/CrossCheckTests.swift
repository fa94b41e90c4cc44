import CCCDIdentity
import CCCDTestSupport
import CardVerification
import Foundation
import LDS
import Testing

/// Each cross-check failing on its own, under a valid signature: a QR that differs from the chip
/// in one field, a DG1 that differs from DG13 in one field, an ID number whose digits contradict
/// the chip's date of birth, an expired card.
@Suite("verdict cross-checks", .enabled(if: OpenSSLCommandLine.isAvailable))
struct CrossCheckTests {
    static let today = CivilDate(year: 2026, month: 1, day: 15)!

    /// One way the presented card deviates from the genuine one, and what the verdict must say.
    enum Divergence: String, CaseIterable, CustomTestStringConvertible {
        case none, chipNameDecomposedAndSpaced
        case qrIDNumber, qrFullName, qrFullNameDiacriticsOnly, qrDateOfBirth, qrIssueDate, chipSex
        case dg1IDNumber, dg1FullName, dg1DateOfBirth, dg1Sex, dg1Expiry, idNumberStructure
        case noDG13, cardExpiredByMRZ

        var testDescription: String { rawValue }

        /// The presented QR (nil: chip only) and the chip.
        func card() throws -> (CitizenQR?, CrossCheckCard) {
            var card = try CrossCheckCard.genuine()
            var qr: CitizenQR? = try CrossCheckCard.qr()
            switch self {
            case .none: break
            case .chipNameDecomposedAndSpaced: card.citizen?.fullName = "nguyễn  Thị Mẫu ".decomposedStringWithCanonicalMapping
            case .qrIDNumber: qr = try CrossCheckCard.qr(id: "001190000124")
            case .qrFullName: qr = try CrossCheckCard.qr(fullName: "Nguyễn Thị Mai")
            case .qrFullNameDiacriticsOnly: qr = try CrossCheckCard.qr(fullName: "Nguyễn Thị Mậu")
            case .qrDateOfBirth: qr = try CrossCheckCard.qr(dateOfBirth: CivilDate(year: 1990, month: 3, day: 16)!)
            case .qrIssueDate: qr = try CrossCheckCard.qr(issueDate: CivilDate(year: 2021, month: 7, day: 2)!)
            case .chipSex:
                // The chip says male throughout, the ID digit and the QR say female.
                card.citizen?.sex = .male
                card.mrz.sex = .male
            case .dg1IDNumber: card.mrz.personalID = PersonalID("001190000999")!
            case .dg1FullName: card.mrz.fullName = "Nguyễn Thị Mai"
            case .dg1DateOfBirth: card.mrz.dateOfBirth = CivilDate(year: 1990, month: 3, day: 16)!
            case .dg1Sex: card.mrz.sex = .male
            case .dg1Expiry: card.mrz.expiry = .on(CivilDate(year: 2030, month: 3, day: 16)!)
            case .idNumberStructure:
                // G = 1, YY = 09: a woman born in 1909, on a chip that says 1990. No QR can say so.
                qr = nil
                card.mrz.personalID = PersonalID("001109000123")!
                card.citizen?.idNumber = card.mrz.personalID
            case .noDG13: card.citizen = nil
            case .cardExpiredByMRZ:
                card.citizen?.expiry = nil
                card.mrz.expiry = .on(CivilDate(year: 2025, month: 12, day: 31)!)
            }
            return (qr, card)
        }

        var expectedFailures: [String] {
            switch self {
            case .none, .chipNameDecomposedAndSpaced, .noDG13: []
            case .qrIDNumber: ["qrChip.idNumber"]
            case .qrFullName, .qrFullNameDiacriticsOnly: ["qrChip.fullName"]
            case .qrDateOfBirth: ["qrChip.dateOfBirth"]
            case .qrIssueDate: ["qrChip.issueDate"]
            case .chipSex: ["qrChip.sex", "idNumber.structure"]
            case .dg1IDNumber: ["dg1dg13.idNumber"]
            case .dg1FullName: ["dg1dg13.fullName"]
            case .dg1DateOfBirth: ["dg1dg13.dateOfBirth"]
            case .dg1Sex: ["dg1dg13.sex"]
            case .dg1Expiry: ["dg1dg13.expiry"]
            case .idNumberStructure: ["idNumber.structure"]
            case .cardExpiredByMRZ: ["card.expiry"]
            }
        }

        var expectedReasons: [String] {
            switch self {
            case .none, .chipNameDecomposedAndSpaced: []
            case .qrIDNumber, .qrFullName, .qrFullNameDiacriticsOnly, .qrDateOfBirth, .qrIssueDate: ["verdict.qr.mismatch"]
            case .chipSex: ["verdict.qr.mismatch", "verdict.dataGroups.mismatch"]
            case .dg1IDNumber, .dg1FullName, .dg1DateOfBirth, .dg1Sex, .dg1Expiry, .idNumberStructure: ["verdict.dataGroups.mismatch"]
            case .noDG13: ["verdict.dataGroups.notCompared"]
            case .cardExpiredByMRZ: ["verdict.card.expired"]
            }
        }

        var expectedKind: CardVerdict.Kind {
            switch self {
            case .none, .chipNameDecomposedAndSpaced: .authentic
            case .cardExpiredByMRZ: .invalid
            default: .suspicious
            }
        }
    }

    @Test(arguments: Divergence.allCases)
    func divergence(_ divergence: Divergence) async throws {
        try await withTemporaryDirectory { folder in
            let chain = try await TestChain.make(.ec("prime256v1"), in: folder)
            let (qr, card) = try divergence.card()
            let files = try await card.files(signedBy: chain, in: folder)
            let verdict = CardVerifier(trust: try chain.trust()).verdict(files, qr: qr, today: Self.today)
            #expect(verdict.failedCheckNames == divergence.expectedFailures)
            #expect(verdict.reasons.map(\.code) == divergence.expectedReasons)
            #expect(verdict.kind == divergence.expectedKind)
            #expect(verdict.check("sod.signature")?.status == .passed)
            for reason in verdict.reasons {
                #expect(!reason.message.vi.isEmpty && !reason.message.en.isEmpty && reason.message.vi != reason.message.en)
            }
            // No check detail carries the holder's data.
            for check in verdict.checks {
                for secret in ["001190000123", "Mẫu", "MAU", "1990", "900315"] {
                    #expect(check.detail?.contains(secret) != true, "\(check.name) detail mentions personal data")
                }
            }
        }
    }

    @Test("Without DG13 the QR is compared with DG1: ID, name without diacritics, date of birth and sex; the issue date cannot be")
    func qrAgainstDG1() async throws {
        try await withTemporaryDirectory { folder in
            let chain = try await TestChain.make(.ec("prime256v1"), in: folder)
            let (qr, card) = try Divergence.noDG13.card()
            let verdict = CardVerifier(trust: try chain.trust()).verdict(try await card.files(signedBy: chain, in: folder), qr: qr, today: Self.today)
            for field in ["idNumber", "fullName", "dateOfBirth", "sex"] {
                #expect(verdict.check("qrChip.\(field)")?.status == .passed)
                #expect(verdict.check("qrChip.\(field)")?.detail?.contains("DG1") == true)
            }
            #expect(verdict.check("qrChip.issueDate")?.status == .notRun)
            #expect(verdict.check("card.expiry")?.detail?.hasPrefix("DG1") == true)
        }
    }

    @Test("Requirements left out of the policy are reported but do not decide")
    func policyWithoutCrossChecks() async throws {
        try await withTemporaryDirectory { folder in
            let chain = try await TestChain.make(.ec("prime256v1"), in: folder)
            let (qr, card) = try Divergence.dg1FullName.card()
            let files = try await card.files(signedBy: chain, in: folder)
            let policy = VerificationPolicy(required: [.passiveAuthentication])
            let verdict = CardVerifier(trust: try chain.trust(), policy: policy).verdict(files, qr: qr, today: CivilDate(year: 2040, month: 1, day: 1)!)
            #expect(verdict.kind == .authentic)
            #expect(verdict.failedCheckNames == ["dg1dg13.fullName", "card.expiry"])
        }
    }
}
