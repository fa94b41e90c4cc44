import CCCDTestSupport
import Foundation
import Ledger

/// Ledger benchmarks: durable appends, `stats` over a large ledger, full chain verification —
/// each next to the `sqlite3` CLI doing the comparable raw work on the same file.
///
/// `records` is the size of the large ledger (CCCD_BENCH_LEDGER_RECORDS, default 10,000,000, the
/// issue's target scale). It is filled through the library's batched append (one transaction of
/// 10,000 records each, the path `append(contentsOf:)` offers imports), so every record carries a
/// real chain hash and both rollups, exactly as the daemon's single appends would leave them.
func ledgerBenchmarks(scratch: URL, records: Int) throws -> [BenchmarkRow] {
    let suite = "Ledger (\(records) chained records)"
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    guard let sqlite3 = which("sqlite3") else {
        print("SKIPPED: ledger benchmarks need the sqlite3 CLI (make test-deps)")
        return []
    }
    var rows: [BenchmarkRow] = []

    // 1. Durable appends: one transaction (fsync of the WAL) per record.
    let appendPath = scratch.appendingPathComponent("append.sqlite").path
    let ledger = try Ledger(path: appendPath, signer: DeviceKey())
    var generator = try SamplePresentations(seed: 1)
    var previous: LedgerRecord?
    let append = try measure("durable append (1 record, synchronous=FULL)", iterations: 200, runs: 5) {
        previous = try ledger.append(generator.next(after: previous))
    }
    let rawPath = scratch.appendingPathComponent("raw.sqlite").path
    let inserts = (0..<200).map { "INSERT INTO t (a, b) VALUES (\($0), 'eligible');" }.joined(separator: "\n")
    _ = try runSQLite(sqlite3, rawPath, "PRAGMA journal_mode=WAL; CREATE TABLE t (a INTEGER, b TEXT);")
    let rawInsert = try measure("sqlite3: 200 autocommit INSERTs (WAL, FULL)", iterations: 1, runs: 5) {
        _ = try runSQLite(sqlite3, rawPath, "PRAGMA synchronous=FULL;\n" + inserts)
    }
    let rawPerInsert = perOperation(rawInsert, 200)
    rows.append(BenchmarkRow(suite: suite, name: "durable appends/s (1 record per transaction, synchronous=FULL)",
                             figure: 1e9 / append.median, unit: "appends/s", runs: append.runs.count,
                             anchor: "sqlite3: autocommit INSERTs/s (WAL, FULL)", anchorFigure: 1e9 / rawPerInsert.median,
                             note: "append median \(formatNanoseconds(append.median)), INSERT \(formatNanoseconds(rawPerInsert.median))"))

    // 2. A large ledger, built in batches.
    let bigPath = scratch.appendingPathComponent("big.sqlite").path
    let big = try Ledger(path: bigPath, signer: DeviceKey(), configuration: LedgerConfiguration(checkpointEvery: 100_000))
    var bulk = try SamplePresentations(seed: 2, startDay: "2023-01-01", perDay: 5000)
    var last: LedgerRecord?
    let clock = ContinuousClock()
    let built = try clock.measure {
        var remaining = records
        while remaining > 0 {
            var batch: [Presentation] = []
            for index in 0..<min(10_000, remaining) {
                // Only the previous batch's last record is committed, so only it may be re-checked.
                batch.append(bulk.next(after: index == 0 ? last : nil))
            }
            last = try big.append(contentsOf: batch).last
            remaining -= batch.count
        }
    }
    rows.append(BenchmarkRow(suite: suite, name: "filling it: batched appends/s (10,000 per transaction)",
                             figure: Double(records) / (built.nanoseconds / 1e9), unit: "appends/s", runs: 1,
                             note: "\(records) records in \(formatNanoseconds(built.nanoseconds)): chain hash, daily and monthly rollups"))

    let groupBy = "SELECT result_class, result_code, COUNT(*) FROM presentation WHERE recheck_of = 0 GROUP BY 1, 2;"
    let rawGroupBy = try measure("sqlite3: raw GROUP BY over the records", iterations: 1, runs: 3) {
        blackHole(try runSQLite(sqlite3, bigPath, groupBy))
    }
    // The headline over everything (monthly rollup only), a year (whole months), a period with
    // partial months at both ends (monthly + daily edges), and a per-kiosk breakdown (daily rollup).
    let hundredMilliseconds = BenchmarkTarget.under(milliseconds: 100)
    let queries: [(String, StatisticsQuery, BenchmarkTarget)] = [
        ("stats, whole ledger", try StatisticsQuery(includeLatency: false), hundredMilliseconds),
        ("stats, one year", try StatisticsQuery(from: "2024-01-01", to: "2024-12-31", includeLatency: false), hundredMilliseconds),
        ("stats, 2024-01-15…2024-11-20", try StatisticsQuery(from: "2024-01-15", to: "2024-11-20", includeLatency: false), hundredMilliseconds),
        ("stats --by kiosk, one year (daily rollup)", try StatisticsQuery(from: "2024-01-01", to: "2024-12-31", grouping: .kiosk, includeLatency: false), .report),
    ]
    for (name, query, target) in queries {
        let stats = try measure("\(name) over \(records) records", iterations: 5, runs: 5) {
            blackHole(try big.statistics(query))
        }
        rows.append(Comparison(figure: stats, anchor: rawGroupBy, target: target).row(suite: suite))
    }

    let latencyQuery = try StatisticsQuery(includeLatency: true)
    let statsWithLatency = try measure("stats + exact latency percentiles (raw)", iterations: 1, runs: 3) {
        blackHole(try big.statistics(latencyQuery))
    }
    rows.append(Comparison(figure: statsWithLatency, anchor: rawGroupBy, target: .described("reads every raw record")).row(suite: suite))

    let verify = try measure("chain verification, per record", iterations: 1, runs: 3) {
        let result = try big.verify()
        precondition(result.isIntact, "benchmark ledger must verify")
    }
    let verifiedPerSecond: Double = Double(records) * 1e9 / verify.median
    let scannedPerSecond: Double = Double(records) * 1e9 / rawGroupBy.median
    rows.append(BenchmarkRow(suite: suite, name: "chain verification, records/s", figure: verifiedPerSecond,
                             unit: "records/s", runs: verify.runs.count, anchor: "sqlite3: raw GROUP BY, records scanned/s",
                             anchorFigure: scannedPerSecond,
                             target: .atLeast(500_000, "≥ 500,000 records/s"),
                             note: "whole chain in \(formatNanoseconds(verify.median))"))
    return rows
}

/// A measurement of `count` operations per iteration, expressed per operation.
private func perOperation(_ measurement: Measurement, _ count: Int) -> Measurement {
    Measurement(name: measurement.name + " (per record)", runs: measurement.runs.map { $0 / Double(count) })
}

private func runSQLite(_ tool: URL, _ database: String, _ sql: String) throws -> Data {
    let process = Process()
    process.executableURL = tool
    process.arguments = ["-batch", "-bail", database]
    let input = Pipe(), output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    input.fileHandleForWriting.write(Data(sql.utf8))
    try input.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return data
}
