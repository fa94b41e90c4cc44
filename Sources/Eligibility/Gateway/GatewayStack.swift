/// The usual composition of an adapter with the resilience layers, in the order that matters:
/// the cache sits outside the breaker so recent answers are still served while the gateway is down.
public enum GatewayStack {
    public static func resilient(_ gateway: any EligibilityGateway, breaker: CircuitBreaker,
                                 cache: AnswerCache) -> any EligibilityGateway {
        CachingGateway(CircuitBreakingGateway(gateway, breaker: breaker), cache: cache)
    }
}
