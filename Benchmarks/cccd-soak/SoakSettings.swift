import Foundation

/// The run's knobs, from the environment (`make soak SOAK_MINUTES=10`).
struct SoakSettings: Sendable {
    /// How long presentations are driven and faults injected; the drain and the checks come after.
    var duration: Duration
    /// Serial scanners on ptys, each behind a stable link as udev's `SYMLINK+=` gives one.
    var scanners: Int
    /// Seeds the choice of person, scanner and presentation kind, so a failing run can be replayed.
    var seed: UInt64
    /// The file whose `<!-- soak:begin -->…<!-- soak:end -->` block receives the summary; nil: none.
    var report: URL?
    /// How long the re-check queue may take to drain once the faults stop.
    var drainLimit: Duration = .seconds(90)

    static func fromEnvironment() -> SoakSettings {
        let environment = ProcessInfo.processInfo.environment
        let minutes = environment["SOAK_MINUTES"].flatMap(Double.init) ?? 4
        let report = environment["SOAK_REPORT"] ?? "BENCHMARKS.md"
        return SoakSettings(
            duration: .milliseconds(Int(max(0.5, minutes) * 60_000)),
            scanners: environment["SOAK_SCANNERS"].flatMap(Int.init).map { max(1, $0) } ?? 3,
            seed: environment["SOAK_SEED"].flatMap(UInt64.init) ?? UInt64(Date().timeIntervalSince1970),
            report: report.isEmpty ? nil : URL(fileURLWithPath: report))
    }
}
