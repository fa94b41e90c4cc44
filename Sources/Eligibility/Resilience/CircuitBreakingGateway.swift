/// Puts a ``CircuitBreaker`` in front of a gateway. Only `transient` outcomes count as failures:
/// a configuration error or a "not found" proves the gateway is up.
public struct CircuitBreakingGateway: EligibilityGateway {
    public let wrapped: any EligibilityGateway
    public let breaker: CircuitBreaker

    public init(_ wrapped: any EligibilityGateway, breaker: CircuitBreaker) {
        self.wrapped = wrapped
        self.breaker = breaker
    }

    public var name: String { wrapped.name }

    public func lookUp(_ query: EligibilityQuery) async -> EligibilityResult {
        let admission = breaker.admit()
        guard admission != .reject else {
            let problem = GatewayProblem(.circuitOpen)
            return EligibilityResult(outcome: .transient, resultCode: nil, note: nil, explanation: problem.message,
                                     card: nil, source: name, gatewayCalls: 0, problem: problem)
        }
        let result = await wrapped.lookUp(query)
        breaker.record(admission, succeeded: result.outcome != .transient)
        return result
    }
}
