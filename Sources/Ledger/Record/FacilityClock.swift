/// Turns UTC instants into the facility's local calendar date with a fixed offset.
///
/// A fixed offset, not a tz database zone: Vietnam has kept +07:00 without daylight saving since
/// 1975, and a fixed, configured offset makes the stored date reproducible by an auditor from the
/// stored instant alone. Integer arithmetic only (no floating dates, no Foundation calendars).
public struct FacilityClock: Sendable, Hashable {
    public let offsetSeconds: Int64

    /// Vietnam, UTC+07:00.
    public static let vietnam = FacilityClock(offsetSeconds: 7 * 3600)

    /// Offsets outside −14:00…+14:00 are rejected.
    public init(offsetSeconds: Int64) {
        self.offsetSeconds = max(-14 * 3600, min(14 * 3600, offsetSeconds))
    }

    /// `YYYY-MM-DD` of `instantMilliseconds` at the facility.
    public func localDate(ofMilliseconds instantMilliseconds: Int64) -> String {
        let localSeconds = Self.floorDiv(instantMilliseconds, 1000) + offsetSeconds
        let (year, month, day) = Self.civil(fromDays: Self.floorDiv(localSeconds, 86_400))
        return Self.format(year: year, month: month, day: day)
    }

    /// Days since 1970-01-01 of a `YYYY-MM-DD` date, nil when it is not a valid date.
    public static func days(of date: String) -> Int64? {
        let parts = date.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int64(parts[0]), let m = Int64(parts[1]), let d = Int64(parts[2]),
              (1...12).contains(m), (1...31).contains(d)
        else { return nil }
        let days = daysFromCivil(year: y, month: m, day: d)
        // Reject 2024-02-30 and the like: the date must round-trip.
        guard civil(fromDays: days) == (y, m, d) else { return nil }
        return days
    }

    /// The `YYYY-MM-DD` date `days` after 1970-01-01.
    public static func date(ofDays days: Int64) -> String {
        let (y, m, d) = civil(fromDays: days)
        return format(year: y, month: m, day: d)
    }

    static func format(year: Int64, month: Int64, day: Int64) -> String {
        func pad(_ v: Int64, _ width: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }

    /// Howard Hinnant's days-from-civil.
    static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = floorDiv(y, 400)
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = floorDiv(z, 146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
