public import Eligibility
public import Foundation

/// One lookup waiting for an answer.
public struct RecheckEntry: Sendable, Hashable {
    public var id: Int64
    /// The caller's reference to the presentation (a ledger row, a visit number).
    public var reference: String
    public var query: EligibilityQuery
    public var attempts: Int
    public var nextAttemptAt: Date
}

/// Where an entry stands.
public enum RecheckState: String, Sendable, Hashable, CaseIterable {
    case pending
    /// A definitive answer arrived; the person's name and date of birth were erased.
    case resolved
    /// Attempts ran out; the claim must be checked by hand.
    case abandoned
}

/// The answer a resolved entry ended with, kept for fixing the visit's claim.
public struct RecheckResolution: Sendable, Hashable {
    public var reference: String
    public var state: RecheckState
    public var outcome: EligibilityClass?
    public var resultCode: String?
    public var cardCode: String?
    public var attempts: Int

    public init(reference: String, state: RecheckState, outcome: EligibilityClass?, resultCode: String?,
                cardCode: String?, attempts: Int) {
        self.reference = reference
        self.state = state
        self.outcome = outcome
        self.resultCode = resultCode
        self.cardCode = cardCode
        self.attempts = attempts
    }
}
