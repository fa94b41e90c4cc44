import Foundation

/// `make bench`: every benchmark in release mode, each figure beside its anchor measured in the same
/// run. Run from the repository root (it reads Samples/).
print("cccd-kiosk benchmarks — \(ProcessInfo.processInfo.processorCount) cores, medians of 7 runs\n")
do {
    printReport("QR", try qrBenchmarks(samples: URL(fileURLWithPath: "Samples/qr")))
} catch {
    print("benchmark failed: \(error)")
    exit(1)
}
