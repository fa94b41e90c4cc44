import CCCDTestSupport
import Foundation

/// `make bench`: every benchmark in release mode, each figure beside its anchor measured in the same
/// run. Run from the repository root (it reads Samples/ and runs scripts/). The chip read on the
/// pcscd + vpcd rig needs root and the rig's Debian packages (`make test-deps`).
/// `cccd-bench ledger` runs only the ledger suite; CCCD_BENCH_LEDGER_RECORDS sets its size.
/// `cccd-bench daemon` runs only the daemon suite (needs `cccdd` and `bhxh-sim` built beside it).
print("cccd-kiosk benchmarks — \(ProcessInfo.processInfo.processorCount) cores, medians of several runs\n")
let only = CommandLine.arguments.dropFirst().first
do {
    if only == nil {
        printReport("QR", try qrBenchmarks(samples: URL(fileURLWithPath: "Samples/qr")))
        printReport("Passive Authentication", try passiveAuthenticationBenchmarks())
        printChipReadReport(try await chipReadBenchmarks(repository: URL(fileURLWithPath: ".")))
    }
    if only == nil || only == "ledger" {
        let ledgerScratch = FileManager.default.temporaryDirectory.appendingPathComponent("cccd-ledger-bench")
        let records = ProcessInfo.processInfo.environment["CCCD_BENCH_LEDGER_RECORDS"].flatMap { Int($0) } ?? 10_000_000
        printReport("Ledger (\(records) chained records)", try ledgerBenchmarks(scratch: ledgerScratch, records: records))
    }
    if only == nil || only == "daemon" {
        try await withTemporaryDirectory { scratch in
            let material = try await VirtualCardMaterial.make(in: scratch.appendingPathComponent("cards"))
            let pipeline = try await pipelineOverheadBenchmark(material: material, scratch: scratch)
            let process = try await daemonProcessBenchmarks(repository: URL(fileURLWithPath: "."), scratch: scratch)
            printDaemonReport(process, pipeline: pipeline)
        }
    }
} catch {
    print("benchmark failed: \(error)")
    exit(1)
}
