/// Which rollup answers which part of a statistics period: the coarsest one that can.
///
/// The monthly rollup (no kiosk, no day) answers whole months for every grouping except day,
/// week and kiosk; the partial months at the period's edges, and those three groupings, are read
/// from the daily rollup by its primary key (a date range). So a year of statistics sums a few
/// thousand monthly rows plus at most two months of daily ones, whatever the ledger's size.
struct RollupPlan {
    /// Whole months, `YYYY-MM`, inclusive, read from `rollup_month`; nil when none.
    var months: ClosedRange<String>?
    /// Facility-local date ranges, `YYYY-MM-DD`, inclusive, read from the daily `rollup`.
    var days: [ClosedRange<String>]

    /// Groupings whose key the monthly rollup holds (nil, the whole period, too).
    static let monthlyGroupings: Set<StatisticsQuery.Grouping> = [.month, .facility, .source, .code]

    /// `monthly` is false on a ledger opened read-only before the monthly rollup existed.
    init(_ query: StatisticsQuery, monthly: Bool) {
        let everyDay = [query.lowerBound...query.upperBound]
        guard monthly, query.grouping.map({ Self.monthlyGroupings.contains($0) }) ?? true else {
            self.init(months: nil, days: everyDay)
            return
        }
        // The first month wholly inside the period, and the last one (nil: unbounded).
        let first = query.from.flatMap(FacilityClock.days(of:)).map { days in
            let month = Month(days: days)
            return FacilityClock.civil(fromDays: days).2 == 1 ? month : month.next
        }
        let last = query.to.flatMap(FacilityClock.days(of:)).map { days in
            let month = Month(days: days)
            return FacilityClock.civil(fromDays: days + 1).2 == 1 ? month : month.previous
        }
        let firstText = first?.text ?? "0000-00"
        let lastText = last?.text ?? "9999-99"
        guard firstText <= lastText else {
            self.init(months: nil, days: everyDay)
            return
        }
        var days: [ClosedRange<String>] = []
        if let from = query.from, let first, from < first.firstDay, let start = FacilityClock.days(of: first.firstDay) {
            days.append(from...FacilityClock.date(ofDays: start - 1))
        }
        if let to = query.to, let last, last.next.firstDay <= to {
            days.append(last.next.firstDay...to)
        }
        self.init(months: firstText...lastText, days: days)
    }

    init(months: ClosedRange<String>?, days: [ClosedRange<String>]) {
        self.months = months
        self.days = days
    }

    /// A calendar month.
    struct Month {
        var year: Int64
        var month: Int64

        init(year: Int64, month: Int64) {
            self.year = year
            self.month = month
        }

        init(days: Int64) {
            let (y, m, _) = FacilityClock.civil(fromDays: days)
            self.init(year: y, month: m)
        }

        var next: Month { month == 12 ? Month(year: year + 1, month: 1) : Month(year: year, month: month + 1) }
        var previous: Month { month == 1 ? Month(year: year - 1, month: 12) : Month(year: year, month: month - 1) }
        /// `YYYY-MM-01`.
        var firstDay: String { FacilityClock.format(year: year, month: month, day: 1) }
        /// `YYYY-MM`.
        var text: String { String(firstDay.prefix(7)) }
    }
}
