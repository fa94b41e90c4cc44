public import Eligibility

/// A configured chain of adapters as the kiosk runs it: each network adapter behind its own
/// circuit breaker, later adapters answering only when earlier ones could not (``ChainedGateway``),
/// and one answer cache in front of the whole chain.
///
/// Shared by `cccdctl lookup --config` and the daemon so both compose the chain the same way.
public enum GatewayChain {
    public enum Link: Sendable {
        /// An adapter that talks to a remote service (BHXH egw, the HIS).
        case network(any EligibilityGateway)
        /// Records the presentation as skipped for a later re-check.
        case offline
    }

    /// Nil when `links` is empty.
    public static func make(_ links: [Link], breaker policy: CircuitBreaker.Policy, cacheWindow: Duration) -> (any EligibilityGateway)? {
        let adapters: [any EligibilityGateway] = links.map { link in
            switch link {
            case .network(let gateway): CircuitBreakingGateway(gateway, breaker: CircuitBreaker(policy: policy))
            case .offline: OfflineGateway()
            }
        }
        guard var chained = adapters.last else { return nil }
        for adapter in adapters.dropLast().reversed() {
            chained = ChainedGateway(primary: adapter, fallback: chained)
        }
        return CachingGateway(chained, cache: AnswerCache(window: cacheWindow))
    }
}
