/// The reasons the policy's requirements give, sorted into proof of forgery (invalid) and
/// cause for a closer look (suspicious). A requirement not in the policy adds nothing.
struct VerdictFindings {
    let required: Set<VerdictRequirement>
    private(set) var invalid: [VerdictReason] = []
    private(set) var suspicious: [VerdictReason] = []

    init(required: Set<VerdictRequirement>) {
        self.required = required
    }

    /// Signature, hashes and SOD structure are ``VerdictRequirement/passiveAuthentication``; the
    /// signer's chain is ``VerdictRequirement/documentSignerChain``. A signer that a trusted
    /// CSCA's name vouches for but whose chain, revocation or dates fail is suspicious even when
    /// the chain is not required: that is not what a missing CSCA looks like.
    mutating func assess(_ outcome: PassiveAuthenticationOutcome) {
        switch outcome {
        case .malformed, .badSignature, .hashMismatch:
            if required.contains(.passiveAuthentication) { invalid.append(.passiveAuthentication(outcome)) }
        case .untrustedSigner, .expired:
            if required.contains(.documentSignerChain) {
                invalid.append(.documentSigner(outcome))
            } else if required.contains(.passiveAuthentication) {
                suspicious.append(.documentSigner(outcome))
            }
        case .validUnchained:
            if required.contains(.documentSignerChain) { invalid.append(.documentSigner(outcome)) }
        case .valid:
            break
        }
    }

    /// A chip offering neither AA nor CA meets the requirement (many cards have neither); one that
    /// offers them must pass at least one and fail none.
    mutating func assess(_ clone: CloneDetection) {
        guard required.contains(.cloneDetection), clone.offered else { return }
        if clone.anyFailed {
            suspicious.append(.cloneDetectionFailed)
        } else if !clone.anyPassed {
            suspicious.append(.cloneDetectionNotProven)
        }
    }

    /// A group of field comparisons: any failure is a mismatch naming the fields; no passed
    /// comparison among those named `comparedBy` (the chip lacks the data) is "not compared". A
    /// field absent on one side alone is reported in the checks and does not decide.
    mutating func assess(_ checks: [VerificationCheck], for requirement: VerdictRequirement, comparedBy prefix: String,
                         mismatch: ([(vi: String, en: String)]) -> VerdictReason, notCompared: VerdictReason) {
        guard required.contains(requirement) else { return }
        let failed = checks.filter { $0.status == .failed }
        if !failed.isEmpty {
            suspicious.append(mismatch(failed.map { Self.label(of: $0.name) }))
        } else if !checks.contains(where: { $0.status == .passed && $0.name.hasPrefix(prefix) }) {
            suspicious.append(notCompared)
        }
    }

    /// An expired card is invalid; an unreadable expiry only suspicious.
    mutating func assess(_ expiry: VerificationCheck) {
        guard required.contains(.cardNotExpired) else { return }
        switch expiry.status {
        case .passed: break
        case .failed: invalid.append(.cardExpired)
        case .notRun, .notSupported: suspicious.append(.cardExpiryUnknown)
        }
    }

    private static func label(of checkName: String) -> (vi: String, en: String) {
        if checkName == VerificationCheck.Name.idNumberStructure {
            return ("số định danh với ngày sinh, giới tính", "ID number vs date of birth and sex")
        }
        let field = checkName.split(separator: ".").last.flatMap { IdentityField(rawValue: String($0)) }
        return field?.label ?? (checkName, checkName)
    }
}
