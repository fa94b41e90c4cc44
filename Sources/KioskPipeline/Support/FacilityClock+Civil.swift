public import CCCDIdentity
public import Foundation
public import Ledger

extension FacilityClock {
    /// The facility's calendar date at `instant`: the visit date eligibility is judged on.
    public func civilDate(at instant: Date) -> CivilDate {
        let text = localDate(ofMilliseconds: Int64((instant.timeIntervalSince1970 * 1000).rounded(.down)))
        // localDate always yields a valid YYYY-MM-DD; the fallback is unreachable in practice.
        return CivilDate(iso8601: text) ?? CivilDate(year: 1970, month: 1, day: 1)!
    }
}
