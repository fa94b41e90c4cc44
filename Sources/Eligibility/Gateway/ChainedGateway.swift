/// Asks the primary gateway, and the fallback only when the primary gave no answer (by default:
/// transient, configuration error or skipped). Real answers — not found, not eligible, mismatches —
/// are never second-guessed by another source.
public struct ChainedGateway: EligibilityGateway {
    public let primary: any EligibilityGateway
    public let fallback: any EligibilityGateway
    public let fallBackOn: Set<EligibilityClass>

    public init(primary: any EligibilityGateway, fallback: any EligibilityGateway,
                fallBackOn: Set<EligibilityClass> = [.transient, .configurationError, .skipped]) {
        self.primary = primary
        self.fallback = fallback
        self.fallBackOn = fallBackOn
    }

    public var name: String { "\(primary.name)>\(fallback.name)" }

    public func lookUp(_ query: EligibilityQuery) async -> EligibilityResult {
        let first = await primary.lookUp(query)
        guard fallBackOn.contains(first.outcome) else { return first }
        var second = await fallback.lookUp(query)
        second.gatewayCalls += first.gatewayCalls
        second.latency += first.latency
        second.fallbackReason = second.fallbackReason ?? first.problem
        return second
    }
}
