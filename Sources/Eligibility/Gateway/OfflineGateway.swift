/// The adapter for kiosks without a gateway: every presentation is recorded as `skipped`, so the
/// re-check queue picks it up once a gateway is configured.
public struct OfflineGateway: EligibilityGateway {
    public let name = "offline"

    public init() {}

    public func lookUp(_ query: EligibilityQuery) async -> EligibilityResult {
        let problem = GatewayProblem(.offline)
        return EligibilityResult(outcome: .skipped, resultCode: nil, note: nil, explanation: problem.message,
                                 card: nil, source: name, gatewayCalls: 0, problem: problem)
    }
}
