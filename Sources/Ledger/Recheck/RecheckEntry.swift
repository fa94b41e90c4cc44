public import Eligibility
public import Foundation

/// One lookup waiting for an answer.
public struct RecheckEntry: Sendable, Hashable {
    public var id: Int64
    /// The ledger record whose lookup is re-checked; the answer is appended as a record linked to it.
    public var recordSequence: Int64
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

/// How an entry ended (or stands), as the ledger keeps it: no card code, no identity — the daemon
/// gets the full answer in memory from ``RecheckWorker/Pass/answers``.
public struct RecheckResolution: Sendable, Hashable {
    public var recordSequence: Int64
    public var state: RecheckState
    public var outcome: EligibilityClass?
    public var resultCode: String?
    public var attempts: Int
    /// The linked re-check record appended when the entry left pending; nil while pending.
    public var linkedSequence: Int64?

    public init(recordSequence: Int64, state: RecheckState, outcome: EligibilityClass?, resultCode: String?,
                attempts: Int, linkedSequence: Int64?) {
        self.recordSequence = recordSequence
        self.state = state
        self.outcome = outcome
        self.resultCode = resultCode
        self.attempts = attempts
        self.linkedSequence = linkedSequence
    }
}

/// What one attempt did: the entry's new state and, when it left pending, the linked record.
public struct RecheckAttempt: Sendable, Hashable {
    public var state: RecheckState
    public var linkedRecord: LedgerRecord?
}
