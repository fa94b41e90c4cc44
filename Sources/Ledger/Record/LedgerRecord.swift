public import Eligibility
public import Foundation

/// One stored presentation: the columns exactly as SQLite holds them, and the chain hash.
public struct LedgerRecord: Sendable, Hashable {
    /// 1, 2, 3… without gaps; a gap is a deleted record.
    public var sequence: Int64
    public var instantMilliseconds: Int64
    /// The facility's local date (`YYYY-MM-DD`) under the ledger's ``FacilityClock``.
    public var localDate: String
    public var facility: String
    public var kiosk: String
    public var source: String
    public var chipVerdict: String
    /// Failed check names joined with `,` (empty when none).
    public var failedChecks: String
    public var gatewayAdapter: String
    public var resultClass: String
    /// Empty when no answer arrived.
    public var resultCode: String
    public var gatewayCalls: Int64
    public var latencyMilliseconds: Int64
    /// Hex pseudonym, empty when unknown.
    public var subject: String
    /// 0 for a first lookup.
    public var recheckOf: Int64
    /// SHA-256(previous hash ‖ ``canonicalEncoding``), 32 bytes.
    public var hash: Data

    /// The result class as the Eligibility module's type; nil if the stored string is unknown.
    public var outcome: EligibilityClass? { EligibilityClass(rawValue: resultClass) }
}
