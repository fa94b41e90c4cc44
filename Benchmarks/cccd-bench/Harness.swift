import CCCDTestSupport
import Foundation

/// A small release-mode benchmark harness: several runs, the median, and an anchor measured in the
/// same process right next to the figure, so a slow or busy machine moves both and the ratio stays
/// meaningful. Benchmarks never assert; they report.
struct Measurement {
    var name: String
    /// Nanoseconds per operation, one entry per run.
    var runs: [Double]

    var median: Double {
        let sorted = runs.sorted()
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }
}

/// Runs `body` `iterations` times per run, `runs` times, after one warm-up run.
func measure(
    _ name: String,
    iterations: Int,
    runs: Int = 7,
    _ body: () throws -> Void
) rethrows -> Measurement {
    let clock = ContinuousClock()
    for _ in 0..<max(1, iterations / 10) { try body() }
    var perOp: [Double] = []
    for _ in 0..<runs {
        let elapsed = try clock.measure {
            for _ in 0..<iterations { try body() }
        }
        perOp.append(elapsed.nanoseconds / Double(iterations))
    }
    return Measurement(name: name, runs: perOp)
}

/// Keeps the optimiser from deleting the work whose result a benchmark does not otherwise use.
@inline(never)
func blackHole<T>(_ value: T) {
    withExtendedLifetime(value) {}
}

/// One line of the report: a figure, its anchor, and the target it is held to.
struct Comparison {
    var figure: Measurement
    var anchor: Measurement
    var target: BenchmarkTarget

    var ratio: Double { figure.median / anchor.median }

    /// The report row: both medians in nanoseconds; the target is in nanoseconds too.
    func row(suite: String, note: String? = nil) -> BenchmarkRow {
        BenchmarkRow(suite: suite, name: figure.name, figure: figure.median, unit: "ns", runs: figure.runs.count,
                     anchor: anchor.name, anchorFigure: anchor.median, target: target, note: note)
    }
}

/// Target helpers in the nanoseconds every ``Comparison`` carries.
extension BenchmarkTarget {
    static func under(microseconds: Double) -> BenchmarkTarget {
        .below(microseconds * 1_000, "< \(Int(microseconds)) µs")
    }

    static func under(milliseconds: Double) -> BenchmarkTarget {
        .below(milliseconds * 1_000_000, "< \(Int(milliseconds)) ms")
    }
}

extension Duration {
    var nanoseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1e9 + Double(attoseconds) / 1e9
    }
}

func formatNanoseconds(_ ns: Double) -> String {
    switch ns {
    case ..<1_000: return String(format: "%.0f ns", ns)
    case ..<1_000_000: return String(format: "%.2f µs", ns / 1_000)
    case ..<1_000_000_000: return String(format: "%.2f ms", ns / 1_000_000)
    default: return String(format: "%.2f s", ns / 1_000_000_000)
    }
}

/// Prints the comparisons as a Markdown table and hands them to the report's row sink.
func report(_ title: String, _ rows: [Comparison]) throws {
    try report(title, rows.map { $0.row(suite: title) })
}

/// Prints the rows as a Markdown table and hands them to the report's row sink (`make bench`
/// merges every suite's rows into BENCHMARKS.md).
func report(_ title: String, _ rows: [BenchmarkRow]) throws {
    print("### \(title)\n")
    print("| benchmark | median | anchor | anchor median | ratio | target | note |")
    print("|---|---|---|---|---|---|---|")
    for row in rows {
        let ratio = row.anchorFigure.map { String(format: "%.2f×", row.figure / $0) } ?? "—"
        print("| \(row.name) | \(format(row.figure, row.unit)) | \(row.anchor ?? "—") | "
            + "\(row.anchorFigure.map { format($0, row.unit) } ?? "—") | \(ratio) | \(row.target) | \(row.note ?? "") |")
    }
    print("")
    try BenchmarkRowSink.emit(rows)
}

private func format(_ value: Double, _ unit: String) -> String {
    unit == "ns" ? formatNanoseconds(value) : String(format: value >= 100 ? "%.0f" : "%.1f", value) + " " + unit
}

/// A benchmark that could not produce its figure (a fixture failed, a result was wrong).
struct BenchmarkFailure: Error, CustomStringConvertible {
    let description: String
}
