public import CCCDIdentity

/// The answer to an ``EligibilityQuery``: the class, the gateway's own words, and the card.
public struct EligibilityResult: Sendable, Hashable {
    public var outcome: EligibilityClass
    /// The gateway's raw result code (`maKetQua`), nil when no answer arrived.
    public var resultCode: String?
    /// The gateway's summary (`ghiChu`). It can quote card data: show it to the desk, never log it.
    public var note: String?
    /// What the desk reads: the table's meaning of the code, or why there was no answer.
    public var explanation: LocalizedText
    public var card: InsuranceCard?
    public var cardUsed: CardUsed
    /// Which adapter answered (`bhxh-egw`, `his-proxy`, `offline`).
    public var source: String
    /// HTTP exchanges made with the gateway for this answer (logins excluded), 0 for cache hits.
    public var gatewayCalls: Int
    /// Wall time from the question to the answer, cache lookups included.
    public var latency: Duration
    public var servedFromCache: Bool
    /// Why no definitive answer was obtained (timeouts, login failure…), safe to log.
    public var problem: GatewayProblem?
    /// When a fallback answered: why the adapter before it could not (see ``ChainedGateway``).
    public var fallbackReason: GatewayProblem?

    public init(outcome: EligibilityClass, resultCode: String?, note: String?, explanation: LocalizedText,
                card: InsuranceCard?, cardUsed: CardUsed = .queried, source: String, gatewayCalls: Int,
                latency: Duration = .zero, servedFromCache: Bool = false, problem: GatewayProblem? = nil) {
        self.outcome = outcome
        self.resultCode = resultCode
        self.note = note
        self.explanation = explanation
        self.card = card
        self.cardUsed = cardUsed
        self.source = source
        self.gatewayCalls = gatewayCalls
        self.latency = latency
        self.servedFromCache = servedFromCache
        self.problem = problem
    }
}
