import Foundation

/// `make bench`: every benchmark in release mode, each figure beside its anchor measured in the same
/// run. Run from the repository root (it reads Samples/ and runs scripts/). The chip read on the
/// pcscd + vpcd rig needs root and the rig's Debian packages (`make test-deps`).
print("cccd-kiosk benchmarks — \(ProcessInfo.processInfo.processorCount) cores, medians of several runs\n")
do {
    printReport("QR", try qrBenchmarks(samples: URL(fileURLWithPath: "Samples/qr")))
    printReport("Passive Authentication", try passiveAuthenticationBenchmarks())
    printChipReadReport(try await chipReadBenchmarks(repository: URL(fileURLWithPath: ".")))
    let ledgerScratch = FileManager.default.temporaryDirectory.appendingPathComponent("cccd-ledger-bench")
    printReport("Ledger (1,000,000 chained records)", try ledgerBenchmarks(scratch: ledgerScratch, records: 1_000_000))
} catch {
    print("benchmark failed: \(error)")
    exit(1)
}
