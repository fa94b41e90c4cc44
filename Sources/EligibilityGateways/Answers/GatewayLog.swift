import Eligibility
import Logging

/// The one log line per lookup. Only classes, codes, counts and timings: never identifiers, names,
/// dates of birth, notes (which can quote card data), URLs or bodies.
enum GatewayLog {
    static func finished(_ result: EligibilityResult, logger: Logger) {
        let latency = result.latency.components
        let milliseconds = latency.seconds * 1000 + latency.attoseconds / 1_000_000_000_000_000
        logger.info("eligibility lookup finished", metadata: [
            "gateway": "\(result.source)", "outcome": "\(result.outcome.rawValue)",
            "resultCode": "\(result.resultCode ?? "-")", "problem": "\(result.problem?.code ?? "-")",
            "calls": "\(result.gatewayCalls)", "latencyMs": "\(milliseconds)",
        ])
    }
}
