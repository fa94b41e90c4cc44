public import Eligibility

/// Where a lookup that got no answer (transient, or the offline adapter) is queued for a later
/// re-check, keyed by the ledger record it will be linked to.
public protocol RecheckScheduling: Sendable {
    func scheduleRecheck(of query: EligibilityQuery, forRecord sequence: Int64) throws
}
