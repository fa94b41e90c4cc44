/// Day counting and anniversaries, needed to derive card expiry dates from a date of birth.
extension CivilDate {
    /// The same day and month `years` later — an anniversary.
    ///
    /// **29 February rule:** when the target year is not a leap year, the anniversary of
    /// 29 February is **28 February** (the day stays inside February, as in Foundation's
    /// `Calendar` and most civil registries). Whether the Vietnamese card issuer does the same is
    /// not documented [?], which is why ``ExpiryCandidates`` also tries 1 March.
    /// Returns `nil` only when the result leaves years 1…9999.
    public func adding(years: Int) -> CivilDate? {
        let target = year + years
        let lastDay = CivilDate.daysIn(month: month, year: target)
        return CivilDate(year: target, month: month, day: min(day, lastDay))
    }

    /// The day `days` later (or earlier, when negative).
    public func adding(days: Int) -> CivilDate? {
        CivilDate(dayNumber: dayNumber + days)
    }

    /// Whole years completed between `self` (a date of birth) and `date`: the age on `date`.
    /// A person born on 29 February completes a year on 28 February of non-leap years,
    /// consistent with ``adding(years:)``.
    public func age(on date: CivilDate) -> Int {
        var years = date.year - year
        if let anniversary = adding(years: years), anniversary > date { years -= 1 }
        return years
    }

    /// Days since 1970-01-01 (negative before it), by Howard Hinnant's `days_from_civil`.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The inverse of ``dayNumber`` (`civil_from_days`); `nil` outside years 1…9999.
    public init?(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.init(year: year, month: month, day: day)
    }
}
