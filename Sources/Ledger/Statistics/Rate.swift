/// A ratio with its parts in the open: what an auditor recomputes.
public struct Rate: Sendable, Hashable, Codable {
    public var numerator: Int64
    public var denominator: Int64

    public init(numerator: Int64, denominator: Int64) {
        self.numerator = numerator
        self.denominator = denominator
    }

    /// The rate in hundredths of a percent, truncated toward zero (never rounded up): 2,256,623 of
    /// 2,643,321 is 8537 (85.37%, not 85.38%). Nil when the denominator is 0.
    public var hundredthsOfPercent: Int64? { Self.truncatedScaled(numerator, denominator, scale: 10_000) }

    /// `85.37%`, or `—` when nothing was counted.
    public var percentText: String {
        guard let value = hundredthsOfPercent else { return "—" }
        return Self.fixedTwo(value) + "%"
    }

    /// `value / 100` printed with exactly two decimals, sign kept.
    static func fixedTwo(_ value: Int64) -> String {
        let sign = value < 0 ? "-" : ""
        let magnitude = value.magnitude
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// ⌊numerator × scale / denominator⌋ without overflow for ledger-sized counts.
    static func truncatedScaled(_ numerator: Int64, _ denominator: Int64, scale: Int64) -> Int64? {
        guard denominator > 0 else { return nil }
        let product = numerator.multipliedFullWidth(by: scale)
        let (quotient, _) = denominator.dividingFullWidth(product)
        return quotient
    }
}
