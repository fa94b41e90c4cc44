public import Eligibility
public import Ledger

/// Where a lookup that got no answer (transient, or the offline adapter) is recorded together with
/// its queued re-check, keyed by the ledger record the re-check's own record will link to.
public protocol RecheckScheduling: Sendable {
    /// Commits `presentation` and its re-check entry in one transaction; returns its sequence number.
    func record(_ presentation: Presentation, queueingRecheckOf query: EligibilityQuery, after result: EligibilityResult) throws -> Int64
}

extension RecheckQueue: RecheckScheduling {
    public func record(_ presentation: Presentation, queueingRecheckOf query: EligibilityQuery,
                       after result: EligibilityResult) throws -> Int64 {
        try append(presentation, queueing: query, after: result).sequence
    }
}
