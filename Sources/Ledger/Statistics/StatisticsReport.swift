import Eligibility

/// Everything `cccdctl stats` prints and every export contains.
public struct StatisticsReport: Sendable {
    public var query: StatisticsQuery
    public var tally: Tally
    public var headline: HeadlineFigures
    /// Per group (day, week, facility…), in key order; empty without a grouping.
    public var groups: [Group]
    /// Exact percentiles from raw records; nil when not asked for or no lookups in range.
    public var latency: LatencyPercentiles?
    /// The signed checkpoint the report was made from (exports write a fresh one first).
    public var checkpoint: Checkpoint?

    public struct Group: Sendable {
        public var key: String
        public var tally: Tally
        public var headline: HeadlineFigures
    }

    /// Failures (lookups not successful) by class and raw code, largest first. `skipped` is not a
    /// lookup (no gateway was asked), so it is not listed; it is presentations − lookups.
    public var failures: [(kind: Tally.ClassAndCode, count: Int64)] {
        let successful = Set(HeadlineFigures.successfulClasses.map(\.rawValue) + [EligibilityClass.skipped.rawValue])
        return tally.byClassAndCode
            .filter { !successful.contains($0.key.resultClass) }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map { ($0.key, $0.value) }
    }
}
