// INTERIM — delete this whole file when `h/identity` is merged.
//
// The identity foundation (`CCCDIdentity.CivilDate`, `CCCDIdentity.PersonalID`) is being built in
// parallel. Until it lands, these two stand-ins carry exactly the subset of its API that the
// eligibility code uses (same names and signatures), so removing this file is the whole switch.

/// A calendar day without a time zone (interim stand-in for `CCCDIdentity.CivilDate`).
public struct CivilDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        let days = [31, (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28,
                    31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1, day <= days[month - 1]
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// `dd/mm/yyyy`, as used by the BHXH gateway.
    public init?(slashedDMY text: some StringProtocol) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard text.utf8.count == 10, parts.count == 3,
              parts.allSatisfy({ $0.utf8.allSatisfy { (48...57).contains($0) } }),
              let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// `YYYY-MM-DD`.
    public init?(iso8601 text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.utf8.count == 10, parts.count == 3,
              parts.allSatisfy({ $0.utf8.allSatisfy { (48...57).contains($0) } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public var slashedDMY: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return pad(day, 2) + "/" + pad(month, 2) + "/" + pad(year, 4)
    }

    public var description: String { slashedDMY }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

/// The 12-digit personal ID number (interim stand-in for `CCCDIdentity.PersonalID`).
public struct PersonalID: Sendable, Hashable, CustomStringConvertible {
    public let digits: String

    public init?(_ text: some StringProtocol) {
        guard text.utf8.count == 12, text.utf8.allSatisfy({ (48...57).contains($0) }) else { return nil }
        digits = String(text)
    }

    public var description: String { "PersonalID(<redacted>)" }
}
