import Ledger

/// The human-readable `stats` output: headline figures with their parts and definitions, the
/// breakdown, failures, chip verdicts and latency.
struct StatsTable {
    var report: StatisticsReport

    func render() -> String {
        let h = report.headline
        var out = "period: \(report.query.from ?? "start") … \(report.query.to ?? "end")\n"
        out += "presentations: \(h.presentations)   lookups: \(h.lookups)   successful lookups: \(h.successfulLookups)   re-checks: \(h.rechecks)\n\n"
        for figure in HeadlineFigures.Figure.allCases {
            let rate = h[figure]
            out += "\(pad(figure.rawValue, 24)) \(pad(rate.percentText, 8)) = \(rate.numerator) / \(rate.denominator)\n"
            out += "    \(figure.definition)\n"
        }
        if !report.groups.isEmpty {
            out += "\nby \(report.query.grouping?.rawValue ?? ""):\n"
            out += "\(pad("group", 24)) \(pad("presentations", 14)) \(pad("lookups", 10)) \(pad("successful", 11)) \(pad("success", 8)) \(pad("eligible", 8)) \(pad("CCCD share", 10))\n"
            for group in report.groups {
                let g = group.headline
                out += "\(pad(group.key, 24)) \(pad("\(g.presentations)", 14)) \(pad("\(g.lookups)", 10)) \(pad("\(g.successfulLookups)", 11)) "
                out += "\(pad(g.lookupSuccessRate.percentText, 8)) \(pad(g.eligibilityRate.percentText, 8)) \(pad(g.cccdShare.percentText, 10))\n"
            }
        }
        out += "\nfailures by class and code:\n"
        for failure in report.failures {
            out += "  \(pad(failure.kind.resultClass, 22)) \(pad(failure.kind.code.isEmpty ? "(none)" : failure.kind.code, 7)) \(failure.count)\n"
        }
        out += "\nchip verdicts: " + report.tally.chipVerdicts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + "\n"
        if let latency = report.latency {
            out += "latency ms (exact, \(latency.records) raw records within retention): p50 \(latency.p50), p90 \(latency.p90), p95 \(latency.p95), p99 \(latency.p99), max \(latency.max)\n"
        }
        return out
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
