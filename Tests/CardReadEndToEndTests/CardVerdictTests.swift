import CCCDIdentity
import CCCDTestSupport
import CardVerification
import ChipProtocol
import Foundation
import Testing
import VirtualChip

/// Verdicts for the sample virtual cards, read in process by the real reader code and verified by
/// the real verifier: EF.SODs signed by `openssl cms` (through `cccd-vcard sign-sod`) under test
/// CSCAs made by `scripts/make-vcard-keys.sh` and TestPKI.
@Suite("card verdicts of the virtual chips", .enabled(if: VirtualCardMaterial.toolsAvailable))
struct CardVerdictTests {
    /// Before every sample card's expiry (the earliest is 2030-03-15), after every issue date.
    static let today = CivilDate(year: 2026, month: 1, day: 15)!

    static func read(_ profile: URL) async throws -> ChipReadResult {
        let chip = try VirtualCCCDChip(profilePath: profile.path)
        chip.powerOn()
        let holder = try VirtualChipConfiguration(profilePath: profile.path).holder
        return try await ChipSession.read(over: InProcessTransport(chip: chip),
                                          credentials: ChipCredentials(cardAccessNumber: holder.personalID.cardAccessNumber),
                                          plan: .withoutFaceImage, policy: InProcessReadTests.vpcdPolicy)
    }

    static func qr(_ payload: String = CardReadCLI.qrPayload) throws -> CitizenQR {
        guard case .cccd(let qr) = try ScannedQR.parse(payload) else { throw EndToEndFailure(description: "not a CCCD QR") }
        return qr
    }

    static func trust(_ material: VirtualCardMaterial, _ family: String = "brainpool") throws -> TrustSnapshot {
        try TrustSnapshot.load(TrustSources(cscaFiles: [material.csca(family)]))
    }

    @Test("Genuine brainpool-signed card, QR presented, CSCA trusted: authentic, every check passed")
    func genuineChained() async throws {
        try await withTemporaryDirectory { folder in
            let material = try await VirtualCardMaterial.make(in: folder)
            let read = try await Self.read(material.profile("nguyen-thi-mau"))
            let verdict = CardVerifier(trust: try Self.trust(material)).verify(read, qr: try Self.qr(), today: Self.today)
            #expect(verdict.kind == .authentic)
            #expect(verdict.reasons.isEmpty)
            #expect(verdict.failedCheckNames.isEmpty)
            for name in ["sod.signature", "dg.hash.DG13", "dg.hash.DG15", "documentSigner.chain", "chip.activeAuthentication",
                         "chip.chipAuthentication", "qrChip.idNumber", "qrChip.fullName", "qrChip.dateOfBirth", "qrChip.sex",
                         "qrChip.issueDate", "dg1dg13.idNumber", "dg1dg13.fullName", "dg1dg13.dateOfBirth", "dg1dg13.sex",
                         "dg1dg13.expiry", "idNumber.structure", "card.expiry"] {
                #expect(verdict.check(name)?.status == .passed, "\(name): \(verdict.check(name)?.detail ?? "absent")")
            }
        }
    }

    @Test("Genuine RSA-signed card (ECDSA AA), no CSCA loaded: authenticUnchained; with the chain required: invalid")
    func genuineUnchained() async throws {
        try await withTemporaryDirectory { folder in
            let material = try await VirtualCardMaterial.make(in: folder)
            let read = try await Self.read(material.profile("tran-van-thu"))
            let unchained = CardVerifier(trust: try .empty()).verify(read, qr: nil, today: Self.today)
            #expect(unchained.kind == .authenticUnchained)
            #expect(unchained.reasons.isEmpty)
            #expect(unchained.check("documentSigner.chain")?.status == .failed)
            #expect(unchained.check("chip.activeAuthentication")?.status == .passed)
            #expect(unchained.checks.allSatisfy { !$0.name.hasPrefix("qrChip.") })

            let strict = VerificationPolicy(required: VerificationPolicy.defaultRequired.union([.documentSignerChain]))
            let required = CardVerifier(trust: try .empty(), policy: strict).verify(read, qr: nil, today: Self.today)
            #expect(required.kind == .invalid)
            #expect(required.reasons.map(\.code) == ["verdict.documentSigner.validUnchained"])
            // The RSA chain's own CSCA makes it authentic under the same strict policy.
            let chained = CardVerifier(trust: try Self.trust(material, "rsa"), policy: strict).verify(read, qr: nil, today: Self.today)
            #expect(chained.kind == .authentic)
        }
    }

    @Test("Tampered DG13 (address changed after signing): invalid, the DG13 hash the only failed check")
    func tamperedDG13() async throws {
        try await withTemporaryDirectory { folder in
            let material = try await VirtualCardMaterial.make(in: folder)
            let read = try await Self.read(try material.variant(of: "nguyen-thi-mau", suffix: "tampered", options: ["tamperedDG13": true]))
            let verdict = CardVerifier(trust: try Self.trust(material)).verify(read, qr: try Self.qr(), today: Self.today)
            #expect(verdict.kind == .invalid)
            #expect(verdict.reasons.map(\.code) == ["verdict.passiveAuthentication.hashMismatch"])
            #expect(verdict.failedCheckNames == ["dg.hash.DG13"])
            #expect(verdict.reasons.first?.message.en.contains("DG13") == true)
        }
    }

    @Test("Cloned chip (AA signed by another key): suspicious, AA failed although CA passed")
    func clonedChip() async throws {
        try await withTemporaryDirectory { folder in
            let material = try await VirtualCardMaterial.make(in: folder)
            let read = try await Self.read(material.profile("dang-thi-ngoc-huong"))
            #expect(read.activeAuthentication?.status == .signatureInvalid)
            let verdict = CardVerifier(trust: try Self.trust(material)).verify(read, qr: nil, today: Self.today)
            #expect(verdict.kind == .suspicious)
            #expect(verdict.reasons.map(\.code) == ["verdict.cloneDetection.failed"])
            #expect(verdict.failedCheckNames == ["chip.activeAuthentication"])
            #expect(verdict.check("chip.chipAuthentication")?.status == .passed)
            // Without clone detection required, the same read is authentic: the policy decides.
            var relaxed = VerificationPolicy()
            relaxed.required.remove(.cloneDetection)
            #expect(CardVerifier(trust: try Self.trust(material), policy: relaxed).verify(read, qr: nil, today: Self.today).kind == .authentic)
        }
    }

    @Test("A clone serving its own key in DG15: AA verifies against it, but unbound it is 'not proven', never passed")
    func substitutedDG15IsNotProven() async throws {
        try await withTemporaryDirectory { folder in
            let material = try await VirtualCardMaterial.make(in: folder)
            let options: [String: Any] = ["substitutedDG15": true, "withoutCA": true]
            let read = try await Self.read(try material.variant(of: "nguyen-thi-mau", suffix: "dg15", options: options))
            #expect(read.activeAuthentication?.status == .signatureValid)
            let verdict = CardVerifier(trust: try Self.trust(material)).verify(read, qr: nil, today: Self.today)
            let aa = try #require(verdict.check("chip.activeAuthentication"))
            #expect(aa.status == .notRun)
            #expect(aa.detail?.hasPrefix("not proven") == true)
            #expect(verdict.kind == .invalid)
            #expect(verdict.reasons.map(\.code) == ["verdict.passiveAuthentication.hashMismatch", "verdict.cloneDetection.notProven"])
            #expect(verdict.failedCheckNames == ["dg.hash.DG15"])
        }
    }

    @Test("Signed by a document signer the trusted CSCA did not issue: unchained by default, suspicious when unknown issuers are untrusted, invalid when the chain is required")
    func wrongSigner() async throws {
        try await withTemporaryDirectory { folder in
            let material = try await VirtualCardMaterial.make(in: folder)
            let pki = material.folder.appendingPathComponent("pki")
            let profile = try await material.resigned("nguyen-thi-mau", suffix: "wrong-signer", signer: pki.appendingPathComponent("ds-rsa.pem"),
                                                      key: pki.appendingPathComponent("ds-rsa.key"))
            let read = try await Self.read(profile)
            let trust = try Self.trust(material)
            #expect(CardVerifier(trust: trust).verify(read, qr: try Self.qr(), today: Self.today).kind == .authenticUnchained)

            let untrusted = VerificationPolicy(passive: PassiveAuthenticationPolicy(unknownIssuer: .untrusted))
            let suspicious = CardVerifier(trust: trust, policy: untrusted).verify(read, qr: try Self.qr(), today: Self.today)
            #expect(suspicious.kind == .suspicious)
            #expect(suspicious.reasons.map(\.code) == ["verdict.documentSigner.untrustedSigner"])

            let chainRequired = VerificationPolicy(required: [.passiveAuthentication, .documentSignerChain])
            let invalid = CardVerifier(trust: trust, policy: chainRequired).verify(read, qr: try Self.qr(), today: Self.today)
            #expect(invalid.kind == .invalid)
            #expect(invalid.reasons.map(\.code) == ["verdict.documentSigner.validUnchained"])
        }
    }

    @Test("Expired document signer under a trusted CSCA: suspicious by default, invalid when the chain is required")
    func expiredDocumentSigner() async throws {
        try await withTemporaryDirectory { folder in
            let material = try await VirtualCardMaterial.make(in: folder)
            let csca = try await TestCSCA.create(in: folder, name: "old-csca", subject: "/C=VN/O=cccd-kiosk TEST ONLY/CN=Old Test CSCA",
                                                 key: .ec("brainpoolP256r1"))
            let signer = try await csca.issueDocumentSigner(name: "old-ds", subject: "/C=VN/O=cccd-kiosk TEST ONLY/CN=Old Test DS",
                                                            key: .ec("brainpoolP256r1"), startDate: "200101000000Z", endDate: "220101000000Z")
            let read = try await Self.read(try await material.resigned("nguyen-thi-mau", suffix: "expired-ds", signer: signer.certificate, key: signer.key))
            let trust = try TrustSnapshot.load(TrustSources(cscaFiles: [csca.files.certificate]))
            let verdict = CardVerifier(trust: trust).verify(read, qr: nil, today: Self.today)
            #expect(verdict.kind == .suspicious)
            #expect(verdict.reasons.map(\.code) == ["verdict.documentSigner.expired"])
            #expect(verdict.check("documentSigner.validityNow")?.status == .failed)
            #expect(verdict.check("chip.activeAuthentication")?.status == .passed, "DG15 is bound by a valid signature whatever the signer's dates")

            let strict = VerificationPolicy(required: VerificationPolicy.defaultRequired.union([.documentSignerChain]))
            #expect(CardVerifier(trust: trust, policy: strict).verify(read, qr: nil, today: Self.today).kind == .invalid)
        }
    }

    @Test("The card's own expiry: valid through its expiry day, invalid the day after")
    func cardExpiry() async throws {
        try await withTemporaryDirectory { folder in
            let material = try await VirtualCardMaterial.make(in: folder)
            let read = try await Self.read(material.profile("nguyen-thi-mau"))
            let verifier = CardVerifier(trust: try Self.trust(material))
            let lastDay = try #require(CivilDate(year: 2030, month: 3, day: 15))
            #expect(verifier.verify(read, qr: nil, today: lastDay).kind == .authentic)
            let expired = verifier.verify(read, qr: nil, today: try #require(lastDay.adding(days: 1)))
            #expect(expired.kind == .invalid)
            #expect(expired.reasons.map(\.code) == ["verdict.card.expired"])
            #expect(expired.failedCheckNames == ["card.expiry"])
        }
    }

    @Test("A QR from another card: suspicious, naming exactly the fields that differ")
    func qrOfAnotherCard() async throws {
        try await withTemporaryDirectory { folder in
            let material = try await VirtualCardMaterial.make(in: folder)
            let read = try await Self.read(material.profile("nguyen-thi-mau"))
            let other = try Self.qr("001190000124|012345678|Nguyễn Thị Mậu|16031990|Nữ|Số 1 phố Ví Dụ, Phường Mẫu, Quận Thử, Hà Nội|02072021")
            let verdict = CardVerifier(trust: try Self.trust(material)).verify(read, qr: other, today: Self.today)
            #expect(verdict.kind == .suspicious)
            #expect(verdict.reasons.map(\.code) == ["verdict.qr.mismatch"])
            #expect(verdict.failedCheckNames == ["qrChip.idNumber", "qrChip.fullName", "qrChip.dateOfBirth", "qrChip.issueDate"])
            #expect(verdict.check("qrChip.fullName")?.detail == "QR and DG13 differ in diacritics only")
            #expect(verdict.reasons.first?.message.en == "The QR code and the chip disagree: ID number, name, date of birth, issue date")
        }
    }
}
