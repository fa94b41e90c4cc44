/// Anything that can answer "may this person be treated under BHYT on this day?".
///
/// The method never throws: every failure (timeouts, login refusals, outages, cancellation) is itself
/// an answer the desk must act on, so it is reduced to a classified ``EligibilityResult`` with a
/// ``GatewayProblem``. That also makes chaining and caching adapters simple compositions.
public protocol EligibilityGateway: Sendable {
    /// A short stable name for results and metrics (`bhxh-egw`, `his-proxy`, `offline`).
    var name: String { get }

    func lookUp(_ query: EligibilityQuery) async -> EligibilityResult
}
