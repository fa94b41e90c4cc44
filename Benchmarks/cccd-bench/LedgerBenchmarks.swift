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
func ledgerBenchmarks(scratch: URL, records: Int) throws -> [Comparison] {
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    guard let sqlite3 = which("sqlite3") else {
        print("SKIPPED: ledger benchmarks need the sqlite3 CLI (make test-deps)")
        return []
    }
    var rows: [Comparison] = []

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
    rows.append(Comparison(figure: append, anchor: perOperation(rawInsert, 200), target: "report appends/s = 1e9 / median"))

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
    print("ledger benchmark: filled \(records) records in \(built) with append(contentsOf:) batches of 10,000 (one durable transaction each: chain hash, daily and monthly rollups), \(Int(Double(records) / (built.nanoseconds / 1e9))) records/s")

    let groupBy = "SELECT result_class, result_code, COUNT(*) FROM presentation WHERE recheck_of = 0 GROUP BY 1, 2;"
    let rawGroupBy = try measure("sqlite3: raw GROUP BY over the records", iterations: 1, runs: 3) {
        blackHole(try runSQLite(sqlite3, bigPath, groupBy))
    }
    // The headline over everything (monthly rollup only), a year (whole months), a period with
    // partial months at both ends (monthly + daily edges), and a per-kiosk breakdown (daily rollup).
    let queries: [(String, StatisticsQuery, String)] = [
        ("stats, whole ledger", try StatisticsQuery(includeLatency: false), "< 100 ms at 10M records"),
        ("stats, one year", try StatisticsQuery(from: "2024-01-01", to: "2024-12-31", includeLatency: false), "< 100 ms"),
        ("stats, 2024-01-15…2024-11-20", try StatisticsQuery(from: "2024-01-15", to: "2024-11-20", includeLatency: false), "< 100 ms"),
        ("stats --by kiosk, one year (daily rollup)", try StatisticsQuery(from: "2024-01-01", to: "2024-12-31", grouping: .kiosk, includeLatency: false), "report"),
    ]
    for (name, query, target) in queries {
        let stats = try measure("\(name) over \(records) records", iterations: 5, runs: 5) {
            blackHole(try big.statistics(query))
        }
        rows.append(Comparison(figure: stats, anchor: rawGroupBy, target: target))
    }

    let latencyQuery = try StatisticsQuery(includeLatency: true)
    let statsWithLatency = try measure("stats + exact latency percentiles (raw)", iterations: 1, runs: 3) {
        blackHole(try big.statistics(latencyQuery))
    }
    rows.append(Comparison(figure: statsWithLatency, anchor: rawGroupBy, target: "reads every raw record"))

    let verify = try measure("chain verification, per record", iterations: 1, runs: 3) {
        let result = try big.verify()
        precondition(result.isIntact, "benchmark ledger must verify")
    }
    rows.append(Comparison(figure: perOperation(verify, records), anchor: perOperation(rawGroupBy, records),
                           target: "≥ 500,000 records/s (≤ 2 µs/record)"))
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
