public import Eligibility

/// The figures the province reports carry (spec bhxh-gateway.md §7), each with its numerator,
/// denominator and definition.
///
/// Decisions, stated once here and printed in every export:
/// - A **lookup** is a presentation for which a gateway was asked: every class except `skipped`
///   (offline mode, no gateway asked). Transient failures and configuration errors *are* lookups —
///   they reached (or tried to reach) the gateway and retrieved nothing; leaving them out would
///   flatter the rate. Answers served from the short answer cache count: card data was retrieved.
/// - A **successful lookup** retrieved the card's information: `eligible`,
///   `eligibleCheckDocuments`, `notEligible` (an expired card was still found and read).
/// - Re-checks are separate linked records; the headline counts each presentation once, by the
///   answer the desk got. Re-check outcomes are reported on their own line.
public struct HeadlineFigures: Sendable, Hashable {
    public static let lookupClasses: Set<EligibilityClass> = Set(EligibilityClass.allCases).subtracting([.skipped])
    public static let successfulClasses: Set<EligibilityClass> = [.eligible, .eligibleCheckDocuments, .notEligible]
    public static let eligibleClasses: Set<EligibilityClass> = [.eligible, .eligibleCheckDocuments]

    public var presentations: Int64
    public var lookups: Int64
    public var successfulLookups: Int64
    /// Successful lookups over lookups.
    public var lookupSuccessRate: Rate
    /// Eligible presentations (eligible, eligibleCheckDocuments) over lookups.
    public var eligibilityRate: Rate
    /// CCCD presentations (chip, CCCD QR, VNeID) over all presentations.
    public var cccdShare: Rate
    /// Successful lookups among CCCD presentations over CCCD lookups (Bắc Kạn's "retrieved" rate).
    public var cccdLookupSuccessRate: Rate
    public var rechecks: Int64

    public init(_ tally: Tally) {
        presentations = tally.presentations
        lookups = tally.count(Self.lookupClasses, in: tally.presentationsByClass)
        successfulLookups = tally.count(Self.successfulClasses, in: tally.presentationsByClass)
        lookupSuccessRate = Rate(numerator: successfulLookups, denominator: lookups)
        eligibilityRate = Rate(numerator: tally.count(Self.eligibleClasses, in: tally.presentationsByClass), denominator: lookups)
        cccdShare = Rate(numerator: tally.cccdPresentations, denominator: tally.presentations)
        cccdLookupSuccessRate = Rate(numerator: tally.count(Self.successfulClasses, in: tally.cccdByClass),
                                     denominator: tally.count(Self.lookupClasses, in: tally.cccdByClass))
        rechecks = tally.rechecks
    }

    /// Which figure a claim or a chart is about.
    public enum Figure: String, Sendable, CaseIterable, Codable {
        case lookupSuccessRate, eligibilityRate, cccdShare, cccdLookupSuccessRate

        /// The definition printed next to the figure in every output.
        public var definition: String {
            switch self {
            case .lookupSuccessRate:
                "successful lookups (eligible, eligibleCheckDocuments, notEligible: card information retrieved) / lookups (presentations where a gateway was asked: every class except skipped; re-checks excluded)"
            case .eligibilityRate:
                "presentations eligible for BHYT (eligible, eligibleCheckDocuments) / lookups"
            case .cccdShare:
                "presentations by chip ID card, its QR or VNeID (chip, cccdQr, vneidQr) / all presentations"
            case .cccdLookupSuccessRate:
                "successful lookups among CCCD presentations / lookups among CCCD presentations"
            }
        }

        public var vietnameseName: String {
            switch self {
            case .lookupSuccessRate: "Tỷ lệ tra cứu thành công"
            case .eligibilityRate: "Tỷ lệ đủ điều kiện KCB BHYT"
            case .cccdShare: "Tỷ lệ tiếp đón bằng CCCD"
            case .cccdLookupSuccessRate: "Tỷ lệ tra cứu thành công bằng CCCD"
            }
        }
    }

    public subscript(figure: Figure) -> Rate {
        switch figure {
        case .lookupSuccessRate: lookupSuccessRate
        case .eligibilityRate: eligibilityRate
        case .cccdShare: cccdShare
        case .cccdLookupSuccessRate: cccdLookupSuccessRate
        }
    }
}
