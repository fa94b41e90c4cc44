/// What the desk should do with the patient, the classification every adapter reduces to.
public enum EligibilityClass: String, Sendable, Hashable, CaseIterable, Codable {
    /// Treat under BHYT.
    case eligible
    /// Treat under BHYT after checking the card and an ID document (military/police cards, 001/002).
    case eligibleCheckDocuments
    /// The card exists but does not cover the visit (expired, revoked, terminated).
    case notEligible
    /// The gateway knows no card for this identity.
    case notFound
    /// The gateway holds a card but the name or date of birth differs.
    case demographicMismatch
    /// The gateway rejected the identifier or the request format.
    case badInput
    /// The facility's account or staff registration is wrong: nothing the desk can fix.
    case configurationError
    /// No answer now (timeouts, 5xx, garbage, circuit open): proceed manually, re-check later.
    case transient
    /// An answer no rule can judge (130, unknown codes, missing validity data): a person decides.
    case manualReview
    /// No gateway was asked (offline mode): recorded for a later re-check.
    case skipped

    /// Whether the patient may be treated under BHYT (with or without checking documents).
    public var isEligible: Bool { self == .eligible || self == .eligibleCheckDocuments }

    /// Whether the answer is final, i.e. worth caching and not worth a background re-check.
    public var isDefinitive: Bool {
        switch self {
        case .transient, .configurationError, .skipped: false
        default: true
        }
    }
}
