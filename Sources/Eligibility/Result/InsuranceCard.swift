public import CCCDIdentity

/// The card facts the gateway returned, limited to what the claim needs.
///
/// The holder's name, sex and address that the gateway also returns are deliberately not kept:
/// the desk already has them from the ID card, and every extra copy of personal data is a liability.
public struct InsuranceCard: Sendable, Hashable {
    /// The current 15-character card code (`maThe`).
    public var code: String
    /// `gtTheTu`…`gtTheDen`; nil when the gateway left them empty or unparseable.
    public var validity: ValidityRange?
    /// `maDKBD`: the 5-digit registered primary-care facility.
    public var registeredFacility: String?
    /// `maKV`: living-area code (`K1`/`K2`/`K3`), nil when empty.
    public var area: String?
    /// `ngayDu5Nam`: the day five continuous years of coverage are reached.
    public var fiveYearsContinuousFrom: CivilDate?
    /// `maSoBHXH`: the 10-digit social-insurance number.
    public var socialInsuranceNumber: String?
    /// `maTheCu`, the previous card code, when the gateway reports one.
    public var previousCode: String?
    /// The replacement card announced with codes 003/004 (`maTheMoi`, `gtTheTuMoi`…).
    public var newCard: ReplacementCard?

    public init(code: String, validity: ValidityRange? = nil, registeredFacility: String? = nil,
                area: String? = nil, fiveYearsContinuousFrom: CivilDate? = nil,
                socialInsuranceNumber: String? = nil, previousCode: String? = nil,
                newCard: ReplacementCard? = nil) {
        self.code = code
        self.validity = validity
        self.registeredFacility = registeredFacility
        self.area = area
        self.fiveYearsContinuousFrom = fiveYearsContinuousFrom
        self.socialInsuranceNumber = socialInsuranceNumber
        self.previousCode = previousCode
        self.newCard = newCard
    }
}

/// A newly issued card announced alongside the one queried.
public struct ReplacementCard: Sendable, Hashable {
    public var code: String
    public var validity: ValidityRange?
    public var registeredFacility: String?

    public init(code: String, validity: ValidityRange?, registeredFacility: String?) {
        self.code = code
        self.validity = validity
        self.registeredFacility = registeredFacility
    }
}

/// An inclusive range of days on which a card is valid.
public struct ValidityRange: Sendable, Hashable {
    public var from: CivilDate
    public var through: CivilDate

    /// Nil when the range is inverted, which only a corrupted answer produces.
    public init?(from: CivilDate, through: CivilDate) {
        guard from <= through else { return nil }
        self.from = from
        self.through = through
    }

    public func covers(_ day: CivilDate) -> Bool { from <= day && day <= through }
}

/// Which card the verdict rests on, when codes 003/004 brought a new card into play.
public enum CardUsed: String, Sendable, Hashable, Codable {
    /// The card (or identity) that was queried; no replacement card involved.
    case queried
    /// Code 004: the old card, still valid on the visit date.
    case previousCard
    /// Code 003 re-query, or 004 where only the new card covers the visit date.
    case newCard
}
