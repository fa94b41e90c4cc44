/// Whether the daemon's memory and descriptors levelled off: the last incarnation's samples after a
/// warm-up, the median of their last third against the median of their first third.
///
/// Medians, not extremes, so one burst (a chip read's buffers, a reconnect's sockets) does not
/// decide; the allowance is generous because the question is "bounded", not "flat": a leak of one
/// descriptor or a few KiB per presentation over thousands of presentations exceeds it.
struct ResourceTrend {
    var first: Double
    var last: Double
    var minimum: Int
    var maximum: Int
    var samples: Int

    /// Nil when the last incarnation has too few samples to judge (fewer than 12 after warm-up).
    init?(_ values: [Int], warmUp: Int) {
        let kept = Array(values.dropFirst(warmUp))
        guard kept.count >= 12 else { return nil }
        let third = kept.count / 3
        first = Self.median(kept.prefix(third))
        last = Self.median(kept.suffix(third))
        minimum = kept.min() ?? 0
        maximum = kept.max() ?? 0
        samples = kept.count
    }

    func grewBeyond(ratio: Double, plus allowance: Double) -> Bool {
        last > first * ratio + allowance
    }

    private static func median(_ values: ArraySlice<Int>) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count.isMultiple(of: 2) ? Double(sorted[middle - 1] + sorted[middle]) / 2 : Double(sorted[middle])
    }
}
