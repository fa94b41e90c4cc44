import CCCDTestSupport
import Foundation

/// `make bench`: every benchmark in release mode, each figure beside its anchor measured in the same
/// run. Run from the repository root (it reads Samples/ and runs scripts/). The chip read on the
/// pcscd + vpcd rig needs root and the rig's Debian packages (`make test-deps`).
/// `cccd-bench ledger` runs only the ledger suite; CCCD_BENCH_LEDGER_RECORDS sets its size.
/// `cccd-bench daemon` runs only the daemon suite (needs `cccdd` and `bhxh-sim` built beside it).
/// With CCCD_BENCH_ROWS set, every row is also appended there as a JSON line for the report writer.
print("cccd-kiosk benchmarks — \(ProcessInfo.processInfo.processorCount) cores, medians of several runs\n")
let only = CommandLine.arguments.dropFirst().first
do {
    if only == nil {
        try report("QR", try qrBenchmarks(samples: URL(fileURLWithPath: "Samples/qr")))
        try report("Passive Authentication", try passiveAuthenticationBenchmarks())
        let chipSuite = "Chip read (nguyen-thi-mau: PACE-CAN, CA, AA)"
        try report(chipSuite, chipReadReportRows(try await chipReadBenchmarks(repository: URL(fileURLWithPath: ".")), suite: chipSuite))
    }
    if only == nil || only == "ledger" {
        let ledgerScratch = FileManager.default.temporaryDirectory.appendingPathComponent("cccd-ledger-bench")
        let records = ProcessInfo.processInfo.environment["CCCD_BENCH_LEDGER_RECORDS"].flatMap { Int($0) } ?? 10_000_000
        let rows = try ledgerBenchmarks(scratch: ledgerScratch, records: records)
        try report(rows.first?.suite ?? "Ledger", rows)
    }
    if only == nil || only == "daemon" {
        try await withTemporaryDirectory { scratch in
            let material = try await VirtualCardMaterial.make(in: scratch.appendingPathComponent("cards"))
            let pipeline = try await pipelineOverheadBenchmark(material: material, scratch: scratch)
            let process = try await daemonProcessBenchmarks(repository: URL(fileURLWithPath: "."), scratch: scratch)
            try report("Daemon", daemonReportRows(process, pipeline: pipeline, suite: "Daemon"))
        }
    }
} catch {
    print("benchmark failed: \(error)")
    exit(1)
}
