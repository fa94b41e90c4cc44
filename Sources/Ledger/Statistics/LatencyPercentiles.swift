/// Exact latency percentiles (nearest rank) over the raw records still within retention.
///
/// Exact, not estimated from the rollups: the records are read and sorted. Presentations whose
/// raw records were pruned are not covered — ``records`` says how many were.
public struct LatencyPercentiles: Sendable, Hashable, Codable {
    public var records: Int64
    public var p50: Int64
    public var p90: Int64
    public var p95: Int64
    public var p99: Int64
    public var max: Int64

    /// Nil for no samples. `sorted` must be ascending.
    init?(sorted: [Int64]) {
        guard let last = sorted.last else { return nil }
        func rank(_ percent: Int) -> Int64 {
            // Nearest rank: the smallest value with at least percent% of samples at or below it.
            let index = (percent * sorted.count + 99) / 100 - 1
            return sorted[Swift.max(0, Swift.min(sorted.count - 1, index))]
        }
        records = Int64(sorted.count)
        p50 = rank(50)
        p90 = rank(90)
        p95 = rank(95)
        p99 = rank(99)
        max = last
    }

    public static let definition = "gateway latency in ms of lookups (presentations except skipped, re-checks excluded), nearest-rank percentiles computed exactly from the raw records within retention"
}
