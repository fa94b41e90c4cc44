/// A rate someone published ("95%", "90.6%"), optionally with the counts they published.
public struct Claim: Sendable, Hashable {
    /// The claimed percent × 10^decimals, e.g. 906 for "90.6%".
    public var scaled: Int64
    /// Decimals as stated (0…2).
    public var decimals: Int
    public var figure: HeadlineFigures.Figure
    public var numerator: Int64?
    public var denominator: Int64?

    /// Parses `95%`, `95`, `90.6%` or `62,66%` (Vietnamese decimal comma).
    public init(_ text: String, figure: HeadlineFigures.Figure = .lookupSuccessRate,
                numerator: Int64? = nil, denominator: Int64? = nil) throws(LedgerError) {
        var body = text.trimmingPrefixAndSuffixSpaces
        if body.hasSuffix("%") { body.removeLast() }
        let parts = body.replacing(",", with: ".").split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].count <= 3,
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              let whole = Int64(parts[0]), parts.count == 1 || (1...2).contains(parts[1].count),
              numerator.map({ $0 >= 0 }) ?? true, denominator.map({ $0 >= 0 }) ?? true
        else { throw LedgerError(.invalidClaim, diagnostic: text) }
        decimals = parts.count == 2 ? parts[1].count : 0
        var scaled = whole
        for _ in 0..<decimals { scaled *= 10 }
        if parts.count == 2, let fraction = Int64(parts[1]) { scaled += fraction }
        guard scaled <= 100 * Self.power(decimals) else { throw LedgerError(.invalidClaim, diagnostic: text) }
        self.scaled = scaled
        self.figure = figure
        self.numerator = numerator
        self.denominator = denominator
    }

    public var text: String {
        guard decimals > 0 else { return "\(scaled)%" }
        let divisor = Self.power(decimals)
        let fraction = String(scaled % divisor)
        return "\(scaled / divisor).\(String(repeating: "0", count: decimals - fraction.count))\(fraction)%"
    }

    static func power(_ decimals: Int) -> Int64 { decimals == 0 ? 1 : decimals == 1 ? 10 : 100 }
}

/// Whether the records support a claim, and by how much they differ.
public struct Reconciliation: Sendable, Hashable {
    public var claim: Claim
    /// The figure recomputed from the ledger.
    public var recomputed: Rate
    /// The claimed rate is what the records give, stated to the claim's own precision without
    /// rounding up (85.37% supports "85%" and "85.3%", not "85.4%" nor "95%"), and claimed counts,
    /// if any, equal the recorded ones.
    public var supported: Bool
    /// Claimed minus recomputed, in hundredths of a percentage point, truncated toward zero.
    public var differenceHundredths: Int64?
    /// Numerator the claimed rate needs with the recorded denominator: ⌈claim × denominator⌉.
    public var numeratorNeeded: Int64?
    public var numeratorMatches: Bool?
    public var denominatorMatches: Bool?

    public init(claim: Claim, figures: HeadlineFigures) {
        self.claim = claim
        let rate = figures[claim.figure]
        recomputed = rate
        let power = Claim.power(claim.decimals)
        let truncated = Rate.truncatedScaled(rate.numerator, rate.denominator, scale: 100 * power)
        numeratorMatches = claim.numerator.map { $0 == rate.numerator }
        denominatorMatches = claim.denominator.map { $0 == rate.denominator }
        supported = truncated == claim.scaled && numeratorMatches != false && denominatorMatches != false
        if rate.denominator > 0 {
            // (claim/100·10^d − n/d) in hundredths of a point = (scaled·(100/10^d)·den − 10000·num) / den.
            let claimedTimesDenominator = claim.scaled * (100 / power) * rate.denominator
            differenceHundredths = (claimedTimesDenominator - 10_000 * rate.numerator) / rate.denominator
            // ⌈scaled · den / (100 · 10^d)⌉
            let product = claim.scaled * rate.denominator, divisor = 100 * power
            numeratorNeeded = (product + divisor - 1) / divisor
        }
    }

    /// `-9.62 percentage points`-style text of the difference (claimed − recomputed).
    public var differenceText: String {
        differenceHundredths.map { "\(Rate.fixedTwo($0)) percentage points" } ?? "—"
    }
}

extension Ledger {
    /// Reconciles `claim` with the records of `query`'s period.
    public func reconcile(_ claim: Claim, over query: StatisticsQuery) throws(LedgerError) -> Reconciliation {
        var query = query
        query.includeLatency = false
        query.grouping = nil
        return Reconciliation(claim: claim, figures: try statistics(query).headline)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    var trimmingPrefixAndSuffixSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
