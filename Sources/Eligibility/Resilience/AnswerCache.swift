/// Serves a recent answer instead of asking the gateway again about the same person within a short
/// window, because BHXH throttles per account (spec §3), and merges simultaneous identical questions
/// into one gateway call (a patient tapping the card twice, two desks scanning the same card).
///
/// Only definitive answers are kept (see ``EligibilityClass/isDefinitive``): a transient failure
/// must be retried, not remembered. Entries live in memory only and the table is bounded.
public actor AnswerCache {
    public let window: Duration
    public let capacity: Int
    private let now: MonotonicNow
    private var entries: [EligibilityQuery: (result: EligibilityResult, storedAt: ContinuousClock.Instant)] = [:]
    private var inFlight: [EligibilityQuery: Task<EligibilityResult, Never>] = [:]

    public init(window: Duration = .seconds(120), capacity: Int = 10_000, now: MonotonicNow = .system) {
        self.window = window
        self.capacity = max(1, capacity)
        self.now = now
    }

    /// The cached answer for `query`, or the result of `fetch`, shared with concurrent identical calls.
    public func answer(
        _ query: EligibilityQuery,
        fetch: @escaping @Sendable () async -> EligibilityResult
    ) async -> EligibilityResult {
        let started = now()
        if let entry = entries[query] {
            if started - entry.storedAt < window { return Self.reused(entry.result, latency: now() - started) }
            entries[query] = nil
        }
        if let pending = inFlight[query] {
            return Self.reused(await pending.value, latency: now() - started)
        }
        let task = Task { await fetch() }
        inFlight[query] = task
        let result = await task.value
        inFlight[query] = nil
        if result.outcome.isDefinitive && window > .zero { store(result, for: query) }
        return result
    }

    public var count: Int { entries.count }

    private func store(_ result: EligibilityResult, for query: EligibilityQuery) {
        let instant = now()
        if entries.count >= capacity {
            entries = entries.filter { instant - $0.value.storedAt < window }
            if entries.count >= capacity, let oldest = entries.min(by: { $0.value.storedAt < $1.value.storedAt }) {
                entries[oldest.key] = nil
            }
        }
        entries[query] = (result, instant)
    }

    private static func reused(_ result: EligibilityResult, latency: Duration) -> EligibilityResult {
        var copy = result
        copy.servedFromCache = true
        copy.gatewayCalls = 0
        copy.latency = latency
        return copy
    }
}

/// A gateway whose answers go through an ``AnswerCache``.
public struct CachingGateway: EligibilityGateway {
    public let wrapped: any EligibilityGateway
    public let cache: AnswerCache

    public init(_ wrapped: any EligibilityGateway, cache: AnswerCache) {
        self.wrapped = wrapped
        self.cache = cache
    }

    public var name: String { wrapped.name }

    public func lookUp(_ query: EligibilityQuery) async -> EligibilityResult {
        let wrapped = self.wrapped
        return await cache.answer(query) { await wrapped.lookUp(query) }
    }
}
