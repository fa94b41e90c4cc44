import CoreMetrics
import Foundation

/// The pipeline's counters and timers (swift-metrics; the daemon exports them as Prometheus).
/// Labels carry classes and codes only, never identities.
struct PipelineMetrics: Sendable {
    func scanned(kind: String) {
        Counter(label: "cccdd_scans_total", dimensions: [("kind", kind)]).increment()
    }

    func chipRead(outcome: String, duration: Duration) {
        Counter(label: "cccdd_chip_reads_total", dimensions: [("outcome", outcome)]).increment()
        Timer(label: "cccdd_chip_read_duration_seconds").recordNanoseconds(duration.nanoseconds)
    }

    func verdict(_ kind: String) {
        Counter(label: "cccdd_verdicts_total", dimensions: [("verdict", kind)]).increment()
    }

    func lookup(outcome: String, adapter: String, latency: Duration) {
        Counter(label: "cccdd_lookups_total", dimensions: [("class", outcome), ("adapter", adapter)]).increment()
        Timer(label: "cccdd_gateway_latency_seconds", dimensions: [("adapter", adapter)]).recordNanoseconds(latency.nanoseconds)
    }

    func recorded(success: Bool) {
        Counter(label: "cccdd_ledger_appends_total", dimensions: [("result", success ? "ok" : "failed")]).increment()
    }
}

extension Duration {
    var nanoseconds: Int64 {
        components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000
    }
}
