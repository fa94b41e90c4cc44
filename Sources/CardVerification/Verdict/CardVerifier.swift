public import CCCDIdentity
public import ChipProtocol
public import Foundation
public import ICAOCrypto
public import LDS

/// Turns one presentation of a card — the chip read, and the QR when one was scanned — into a
/// ``CardVerdict``: Passive Authentication, Active/Chip Authentication bound to it, the QR ↔ chip
/// and DG1 ↔ DG13 cross-checks, the ID number's structure and the card's expiry, then the
/// policy's requirements (see ``CardVerdict`` for how they map to a kind).
public struct CardVerifier: Sendable {
    public let policy: VerificationPolicy
    public let passiveAuthenticator: PassiveAuthenticator

    public init(trust: TrustSnapshot, policy: VerificationPolicy = VerificationPolicy(), crypto: any ICAOCryptography = OpenSSLCrypto()) {
        self.policy = policy
        passiveAuthenticator = PassiveAuthenticator(trust: trust, policy: policy.passive, crypto: crypto)
    }

    /// `qr` nil when only the chip was presented. `today` is the facility's local date (the card
    /// is valid through its expiry day); `now` the instant certificates are checked at.
    public func verify(_ read: ChipReadResult, qr: CitizenQR?, today: CivilDate, now: Date = Date()) -> CardVerdict {
        var files = LDSFileSet()
        for file in read.files {
            if let lds = LDSFile(fileID: file.file.identifier) { files[lds] = file.bytes }
        }
        return verdict(passive: passiveAuthenticator.verify(files, now: now), files: files,
                       chipAuthentication: read.chipAuthentication, activeAuthentication: read.activeAuthentication,
                       qr: qr, today: today)
    }

    /// The verdict for files whose Passive Authentication already ran (`passive` must come from
    /// ``passiveAuthenticator`` on these `files`) — for saved files (`cccdctl card verify`), where
    /// Active and Chip Authentication are nil: a saved file set cannot prove it is not a clone.
    public func verdict(passive: PassiveAuthenticationResult, files: LDSFileSet,
                        chipAuthentication: ChipAuthenticationOutcome?, activeAuthentication: ActiveAuthenticationOutcome?,
                        qr: CitizenQR?, today: CivilDate) -> CardVerdict {
        let evidence = ChipEvidence(files: files)
        let clone = CloneDetection(chipAuthentication: chipAuthentication, activeAuthentication: activeAuthentication,
                                   passive: passive, evidence: evidence)
        let qrChecks = qr.map { QRChipCrossCheck.checks(qr: $0, evidence: evidence) } ?? []
        let consistency = DataGroupConsistency.checks(evidence: evidence)
        let expiry = CardExpiryCheck.check(evidence: evidence, today: today)

        var findings = VerdictFindings(required: policy.required)
        findings.assess(passive.outcome)
        findings.assess(clone)
        if qr != nil {
            findings.assess(qrChecks, for: .qrMatchesChip, comparedBy: "qrChip.", mismatch: VerdictReason.qrMismatch, notCompared: .qrNotCompared)
        }
        findings.assess(consistency, for: .dataGroupsConsistent, comparedBy: "dg1dg13.", mismatch: VerdictReason.dataGroupsMismatch,
                        notCompared: .dataGroupsNotCompared)
        findings.assess(expiry)

        let kind: CardVerdict.Kind
        if !findings.invalid.isEmpty {
            kind = .invalid
        } else if !findings.suspicious.isEmpty {
            kind = .suspicious
        } else {
            kind = passive.outcome == .valid ? .authentic : .authenticUnchained
        }
        return CardVerdict(kind: kind, reasons: findings.invalid + findings.suspicious,
                           checks: passive.checks + clone.checks + qrChecks + consistency + [expiry])
    }
}
