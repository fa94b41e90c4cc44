public import CCCDIdentity

/// The one answer reception staff act on: is this card genuine, with the reasons and every
/// individual check behind it.
///
/// How the kind is decided (``CardVerifier`` applies it, requirement by requirement, with the
/// ``VerificationPolicy``):
/// - ``Kind/invalid`` — proof that the card is forged, altered or no longer valid: a data group
///   that does not match its hash, a bad or malformed SOD signature, an expired card, or — when
///   ``VerdictRequirement/documentSignerChain`` is required — a signer that does not chain to a
///   trusted CSCA, is revoked, or is out of its validity period.
/// - ``Kind/suspicious`` — no proof of forgery, but a required check did not pass: Active or Chip
///   Authentication failed (a possible clone), the QR and the chip disagree, DG1 and DG13
///   disagree, a required check could not run because the chip's data is missing, or (chain not
///   required) a signer that a trusted CSCA should vouch for but does not.
/// - ``Kind/authentic`` — every required check passed and the document signer chains to a
///   trusted CSCA.
/// - ``Kind/authenticUnchained`` — every required check passed, but the signer is not chained to
///   any trusted CSCA (and the chain is not required): the data is intact and signed, and nothing
///   yet says by whom — the expected state until operators load Vietnam's CSCA.
///
/// Reasons come in that order too: every reason for `invalid` first, then those for `suspicious`.
public struct CardVerdict: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case authentic
        case authenticUnchained
        case suspicious
        case invalid
    }

    public var kind: Kind
    /// Why suspicious/invalid (empty for authentic*), each with a stable code and a vi/en message
    /// free of personal data.
    public var reasons: [VerdictReason]
    /// Every individual check, Passive Authentication's included, in the order they ran.
    public var checks: [VerificationCheck]

    public init(kind: Kind, reasons: [VerdictReason], checks: [VerificationCheck]) {
        self.kind = kind
        self.reasons = reasons
        self.checks = checks
    }

    /// Names of the checks with status ``VerificationCheck/Status/failed``, in check order.
    public var failedCheckNames: [String] {
        checks.filter { $0.status == .failed }.map(\.name)
    }

    /// The check named `name`, if it ran.
    public func check(_ name: String) -> VerificationCheck? {
        checks.first { $0.name == name }
    }
}

/// One reason a card is suspicious or invalid: a stable code reports and the daemon count, and
/// a message for reception staff. Neither contains personal data.
public struct VerdictReason: Sendable, Hashable, Codable {
    /// `verdict.qr.mismatch`…: see ``VerdictReason/Code``.
    public var code: String
    public var message: LocalizedText

    public init(code: String, message: LocalizedText) {
        self.code = code
        self.message = message
    }
}
