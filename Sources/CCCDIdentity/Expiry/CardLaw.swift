/// The law that sets the renewal ages of the card, chosen by the card's issue date.
public enum CardLaw: String, Sendable, Hashable, Codable, CaseIterable {
    /// Law on Citizen Identification 59/2014/QH13: cards issued before 1 July 2024 are renewed at
    /// ages 25, 40 and 60.
    case citizenIdentification2014 = "law2014"
    /// Law on Identification 26/2023/QH15, in force 1 July 2024: renewal at 14, 25, 40 and 60.
    case identification2023 = "law2023"

    /// The day Law 26/2023/QH15 took effect.
    public static let identification2023EffectiveDate = CivilDate(year: 2024, month: 7, day: 1)!

    /// The law under which a card issued on `issueDate` was issued.
    ///
    /// [?] A card applied for before and issued after 1 July 2024 is assumed to follow the new law.
    /// The two laws differ only for holders under 14, who could not get a card under the 2014 law.
    public init(issueDate: CivilDate) {
        self = issueDate < CardLaw.identification2023EffectiveDate ? .citizenIdentification2014 : .identification2023
    }

    /// Ages at which the card must be renewed, ascending. After the last one the card never expires.
    public var renewalAges: [Int] {
        switch self {
        case .citizenIdentification2014: [25, 40, 60]
        case .identification2023: [14, 25, 40, 60]
        }
    }

    /// Both laws: a card issued within this many years before a renewal age runs to the next one.
    public static let graceYears = 2
}
