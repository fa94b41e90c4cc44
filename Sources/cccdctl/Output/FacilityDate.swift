import ArgumentParser
import CCCDIdentity
import Foundation

/// The calendar day at the facility: Vietnam's time zone, whatever the machine's is set to, so a
/// card's expiry and a visit date do not shift at midnight UTC.
enum FacilityDate {
    static func today() -> CivilDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? TimeZone(secondsFromGMT: 7 * 3600) ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return CivilDate(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? CivilDate(year: 2000, month: 1, day: 1)!
    }

    /// `--today YYYY-MM-DD` when given (audits, tests), else ``today()``.
    static func parse(_ text: String?) throws -> CivilDate {
        guard let text else { return today() }
        guard let date = CivilDate(iso8601: text) else { throw ValidationError("--today must be a date, YYYY-MM-DD") }
        return date
    }
}
