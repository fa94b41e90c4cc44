/// A day in the proleptic Gregorian calendar, with no time of day and no time zone.
///
/// Identity documents print dates, not instants: a date of birth is the same day in Hà Nội and in
/// UTC, so converting through `Foundation.Date` would only invite off-by-one-day bugs. The
/// initialiser rejects impossible days (31 April, 29 February 2023), so a `CivilDate` value is
/// always a real calendar day.
public struct CivilDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Returns `nil` unless the three numbers name a real day (years 1…9999).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= CivilDate.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Gregorian leap years: every 4th year, except centuries not divisible by 400.
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days of `month` (1…12) in `year`; 0 for a month outside 1…12.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: 31
        case 4, 6, 9, 11: 30
        case 2: isLeapYear(year) ? 29 : 28
        default: 0
        }
    }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// ISO 8601 calendar date, `YYYY-MM-DD`: the form every JSON output of the product uses.
    public var iso8601: String {
        Digits.padded(year, width: 4) + "-" + Digits.padded(month, width: 2) + "-" + Digits.padded(day, width: 2)
    }

    public var description: String { iso8601 }

    /// Encodes as the ISO string rather than three numbers, so JSON stays readable.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso8601)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CivilDate(iso8601: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected a real calendar day as YYYY-MM-DD")
        }
        self = date
    }
}
