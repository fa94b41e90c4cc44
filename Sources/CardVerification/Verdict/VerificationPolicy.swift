/// What must pass for a card to be ``CardVerdict/Kind/authentic`` (or `authenticUnchained`).
///
/// A requirement left out of ``VerificationPolicy/required`` still has its checks run and
/// reported; it just does not decide the verdict.
public enum VerdictRequirement: String, Sendable, Hashable, Codable, CaseIterable {
    /// The SOD's signature and every data-group hash (a failure makes the card invalid).
    case passiveAuthentication
    /// The document signer chains to a trusted CSCA, is not revoked and is within its validity.
    /// Off by default: Vietnam's CSCA may be missing from the trust store, and a missing CSCA
    /// must not make genuine cards look forged.
    case documentSignerChain
    /// Active or Chip Authentication passed, with its key bound by Passive Authentication, when
    /// the chip offers either (DG14 or DG15 listed in the SOD or read).
    case cloneDetection
    /// The QR and the chip agree (only when a QR was presented).
    case qrMatchesChip
    /// DG1 (MRZ) and DG13 agree, and the chip's ID number agrees with its date of birth and sex.
    case dataGroupsConsistent
    /// The card's expiry (DG13 field 12, else the MRZ) is not before today.
    case cardNotExpired
}

/// How a ``CardVerifier`` decides: Passive Authentication's own policy and the requirements.
public struct VerificationPolicy: Sendable, Hashable {
    public var passive: PassiveAuthenticationPolicy
    public var required: Set<VerdictRequirement>

    /// Everything but the signer chain (see ``VerdictRequirement/documentSignerChain``).
    public static let defaultRequired: Set<VerdictRequirement> = [
        .passiveAuthentication, .cloneDetection, .qrMatchesChip, .dataGroupsConsistent, .cardNotExpired,
    ]

    public init(passive: PassiveAuthenticationPolicy = .init(), required: Set<VerdictRequirement> = VerificationPolicy.defaultRequired) {
        self.passive = passive
        self.required = required
    }
}
