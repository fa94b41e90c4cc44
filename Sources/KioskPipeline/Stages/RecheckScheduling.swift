public import Eligibility
public import Ledger

/// Where a lookup that got no answer (transient, or the offline adapter) is queued for a later
/// re-check, keyed by the ledger record the re-check's own record will link to.
public protocol RecheckScheduling: Sendable {
    func scheduleRecheck(of query: EligibilityQuery, after result: EligibilityResult, forRecord sequence: Int64) throws
}

extension RecheckQueue: RecheckScheduling {
    public func scheduleRecheck(of query: EligibilityQuery, after result: EligibilityResult, forRecord sequence: Int64) throws {
        try enqueue(query, of: sequence, after: result)
    }
}
