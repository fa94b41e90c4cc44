/// Derives a card's expiry from the holder's date of birth and the card's issue date.
///
/// The QR carries no expiry, yet BAC needs it (cccd.md §3.3). The laws define it exactly enough
/// to compute: the expiry is the holder's birthday in the year of the next renewal age, except
/// that a card issued within 2 years before a renewal age runs to the following one; when no
/// renewal age remains the card never expires (so a card issued at 58 or older has no expiry).
///
/// [?] Three points are not documented and are covered by ``candidates`` instead of guessed:
/// whether the boundary day of the 2-year window counts as inside, what the birthday of someone
/// born on 29 February is in a non-leap year (28 February here, 1 March tried next), and whether
/// issuers print the birthday or the day before it.
public struct ExpiryDerivation: Sendable, Hashable {
    public let dateOfBirth: CivilDate
    public let issueDate: CivilDate
    public let law: CardLaw
    /// The renewal age the card runs to; `nil` when it never expires.
    public let renewalAge: Int?
    /// True when the 2-year rule skipped the nearest renewal age.
    public let twoYearRuleApplied: Bool
    /// The expiry the rules give.
    public let expiry: CardExpiry

    public init(dateOfBirth: CivilDate, issueDate: CivilDate) {
        self.dateOfBirth = dateOfBirth
        self.issueDate = issueDate
        law = CardLaw(issueDate: issueDate)
        let upcoming = ExpiryDerivation.upcomingAges(law: law, dateOfBirth: dateOfBirth, issueDate: issueDate)
        if let nearest = upcoming.first, let graceStart = dateOfBirth.adding(years: nearest - CardLaw.graceYears),
           issueDate >= graceStart {
            twoYearRuleApplied = true
            renewalAge = upcoming.dropFirst().first
        } else {
            twoYearRuleApplied = false
            renewalAge = upcoming.first
        }
        expiry = ExpiryDerivation.expiry(dateOfBirth: dateOfBirth, age: renewalAge)
    }

    /// The expiries a BAC attempt should try, most likely first, without duplicates:
    /// 1. the derived expiry;
    /// 2. the day after and the day before it (birthday conventions; 1 March for 29 February);
    /// 3. the renewal age on the other side of the 2-year rule (the boundary day is ambiguous);
    /// 4. `991231` (no expiry).
    ///
    /// Each failed BAC costs one round trip, so the list stays short (at most 5).
    public var candidates: [CardExpiry] {
        var list: [CardExpiry] = [expiry]
        if let date = expiry.date {
            for offset in [1, -1] {
                if let neighbour = date.adding(days: offset) { list.append(.on(neighbour)) }
            }
        }
        list.append(ExpiryDerivation.expiry(dateOfBirth: dateOfBirth, age: alternativeRenewalAge))
        list.append(.never)
        var seen = Set<CardExpiry>()
        return list.filter { seen.insert($0).inserted }
    }

    /// The renewal age the card would run to had the 2-year rule gone the other way.
    private var alternativeRenewalAge: Int? {
        let upcoming = ExpiryDerivation.upcomingAges(law: law, dateOfBirth: dateOfBirth, issueDate: issueDate)
        return twoYearRuleApplied ? upcoming.first : upcoming.dropFirst().first
    }

    /// Renewal ages whose birthday is still after the issue date (a card issued on the birthday
    /// itself is the renewal for that age, so it runs to the next one).
    private static func upcomingAges(law: CardLaw, dateOfBirth: CivilDate, issueDate: CivilDate) -> [Int] {
        law.renewalAges.filter { age in
            guard let birthday = dateOfBirth.adding(years: age) else { return false }
            return birthday > issueDate
        }
    }

    private static func expiry(dateOfBirth: CivilDate, age: Int?) -> CardExpiry {
        guard let age, let date = dateOfBirth.adding(years: age) else { return .never }
        return .on(date)
    }
}
