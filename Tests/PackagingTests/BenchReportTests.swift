import CCCDTestSupport
import Foundation
import Testing

/// `make bench`'s report path: rows written by ``BenchmarkRowSink`` (as the benchmark executables
/// write them) read back by scripts/bench-report.py, which rewrites only the bench block of the report.
struct BenchReportTests {
    static let script = BuiltProducts.repository.appendingPathComponent("scripts/bench-report.py")

    @Test func rowsFromTheSinkBecomeTheBenchBlockAndNothingElseChanges() async throws {
        try await withTemporaryDirectory { folder in
            let rows = folder.appendingPathComponent("rows.jsonl").path
            let report = folder.appendingPathComponent("BENCHMARKS.md")
            let before = "# Title\n\n<!-- bench:begin -->\nold figures\n<!-- bench:end -->\n\n<!-- fuzz:begin -->\nfuzz\n<!-- fuzz:end -->\n"
            try before.write(to: report, atomically: true, encoding: .utf8)

            let begun = try await runProcess(Self.script, ["begin", rows])
            try #require(begun.status == 0, "\(begun.stderrText)")
            let environment = ["CCCD_BENCH_ROWS": rows]
            try BenchmarkRowSink.emit([
                BenchmarkRow(suite: "QR", name: "parse CCCD payload", figure: 2_346, unit: "ns", runs: 7,
                             anchor: "split on the field separator", anchorFigure: 650, target: .below(10_000, "< 10 µs")),
            ], environment: environment)
            try BenchmarkRowSink.emit([
                BenchmarkRow(suite: "Daemon", name: "cccdd VmRSS idle", figure: 51.5, unit: "MiB", runs: 7,
                             target: .below(47.68, "< 50 MB")),
                BenchmarkRow(suite: "Ledger (1000 chained records)", name: "chain verification, records/s", figure: 734_000,
                             unit: "records/s", runs: 3, target: .atLeast(500_000, "≥ 500,000 records/s")),
            ], environment: environment)

            let written = try await runProcess(Self.script, ["write", rows, report.path])
            try #require(written.status == 0, "\(written.stderrText)")
            let text = try String(contentsOf: report, encoding: .utf8)
            #expect(text.hasPrefix("# Title\n\n<!-- bench:begin -->\n"))
            #expect(text.hasSuffix("<!-- bench:end -->\n\n<!-- fuzz:begin -->\nfuzz\n<!-- fuzz:end -->\n"))
            #expect(!text.contains("old figures"))
            #expect(text.contains("| parse CCCD payload | 2.35 µs | 7 | split on the field separator | 650 ns | 3.61× | < 10 µs | yes |"))
            #expect(text.contains("| cccdd VmRSS idle | 51.5 MiB | 7 | — | — | — | < 50 MB | **no** |"))
            #expect(text.contains("| chain verification, records/s | 734,000 records/s | 3 |"))
            #expect(text.contains("Targets met: 2 of 3. Not met: Daemon: cccdd VmRSS idle."))
            #expect(text.contains("Not measured in this run (see the command's output for why): Passive Authentication, Chip read"))
            #expect(text.contains("Machine: \(ProcessInfo.processInfo.processorCount) cores"))
        }
    }

    @Test func aReportWithoutItsMarkersIsRefusedAndLeftAlone() async throws {
        try await withTemporaryDirectory { folder in
            let rows = folder.appendingPathComponent("rows.jsonl").path
            let report = folder.appendingPathComponent("BENCHMARKS.md")
            try "no markers here\n".write(to: report, atomically: true, encoding: .utf8)
            _ = try await runProcess(Self.script, ["begin", rows])
            let written = try await runProcess(Self.script, ["write", rows, report.path])
            #expect(written.status != 0)
            #expect(written.stderrText.contains("bench:begin"))
            #expect(try String(contentsOf: report, encoding: .utf8) == "no markers here\n")
        }
    }
}
