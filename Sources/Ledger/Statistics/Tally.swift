import Eligibility

/// Counts summed from rollup rows; the figures are derived from it, never stored.
public struct Tally: Sendable, Hashable {
    /// First lookups (re-checks excluded): one per patient at a kiosk.
    public var presentations: Int64 = 0
    public var presentationsByClass: [String: Int64] = [:]
    /// Presentations by chip, CCCD QR or VNeID.
    public var cccdPresentations: Int64 = 0
    public var cccdByClass: [String: Int64] = [:]
    public var bySource: [String: Int64] = [:]
    public var chipVerdicts: [String: Int64] = [:]
    /// Presentations by "class code" (code empty when no answer), the failure breakdown's source.
    public var byClassAndCode: [ClassAndCode: Int64] = [:]
    /// Re-check records (linked to an earlier presentation) and their classes.
    public var rechecks: Int64 = 0
    public var rechecksByClass: [String: Int64] = [:]
    public var gatewayCalls: Int64 = 0

    public struct ClassAndCode: Sendable, Hashable, Comparable {
        public var resultClass: String
        public var code: String

        public static func < (a: Self, b: Self) -> Bool { (a.resultClass, a.code) < (b.resultClass, b.code) }
    }

    public init() {}

    mutating func add(_ row: RollupRow) {
        guard !row.isRecheck else {
            rechecks += row.records
            rechecksByClass[row.resultClass, default: 0] += row.records
            gatewayCalls += row.gatewayCalls
            return
        }
        presentations += row.records
        presentationsByClass[row.resultClass, default: 0] += row.records
        if InputSource(rawValue: row.source)?.isCCCD == true {
            cccdPresentations += row.records
            cccdByClass[row.resultClass, default: 0] += row.records
        }
        bySource[row.source, default: 0] += row.records
        chipVerdicts[row.chipVerdict, default: 0] += row.records
        byClassAndCode[ClassAndCode(resultClass: row.resultClass, code: row.resultCode), default: 0] += row.records
        gatewayCalls += row.gatewayCalls
    }

    mutating func add(_ other: Tally) {
        presentations += other.presentations
        cccdPresentations += other.cccdPresentations
        rechecks += other.rechecks
        gatewayCalls += other.gatewayCalls
        presentationsByClass.merge(other.presentationsByClass, uniquingKeysWith: +)
        cccdByClass.merge(other.cccdByClass, uniquingKeysWith: +)
        bySource.merge(other.bySource, uniquingKeysWith: +)
        chipVerdicts.merge(other.chipVerdicts, uniquingKeysWith: +)
        byClassAndCode.merge(other.byClassAndCode, uniquingKeysWith: +)
        rechecksByClass.merge(other.rechecksByClass, uniquingKeysWith: +)
    }

    func count(_ classes: Set<EligibilityClass>, in table: [String: Int64]) -> Int64 {
        classes.reduce(0) { $0 + (table[$1.rawValue] ?? 0) }
    }
}

/// One row of the `rollup` table.
struct RollupRow: Sendable {
    var localDate: String
    var facility: String
    var kiosk: String
    var source: String
    var chipVerdict: String
    var resultClass: String
    var resultCode: String
    var isRecheck: Bool
    var records: Int64
    var gatewayCalls: Int64
    var latencyMilliseconds: Int64
}
