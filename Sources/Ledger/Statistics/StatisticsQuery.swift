/// Which records statistics cover and how they are broken down.
public struct StatisticsQuery: Sendable, Hashable {
    /// Facility-local dates, inclusive; nil for unbounded.
    public var from: String?
    public var to: String?
    public var grouping: Grouping?
    /// Exact latency percentiles read from raw records (slower than the rollup figures).
    public var includeLatency: Bool

    public enum Grouping: String, Sendable, CaseIterable, Codable {
        case day, week, month, facility, kiosk, source, code
    }

    /// Throws ``LedgerFailure/invalidDate`` when a date is not `YYYY-MM-DD` or `from` > `to`.
    public init(from: String? = nil, to: String? = nil, grouping: Grouping? = nil, includeLatency: Bool = true) throws(LedgerError) {
        for date in [from, to].compactMap(\.self) where FacilityClock.days(of: date) == nil {
            throw LedgerError(.invalidDate, diagnostic: date)
        }
        if let from, let to, from > to { throw LedgerError(.invalidDate, diagnostic: "\(from) > \(to)") }
        self.from = from
        self.to = to
        self.grouping = grouping
        self.includeLatency = includeLatency
    }

    /// The SQL bounds: dates compare correctly as `YYYY-MM-DD` strings.
    var lowerBound: String { from ?? "0000-00-00" }
    var upperBound: String { to ?? "9999-99-99" }
}

extension StatisticsQuery.Grouping {
    /// The group a rollup row belongs to.
    func key(of row: RollupRow) -> String {
        switch self {
        case .day: row.localDate
        case .week: Self.isoWeek(of: row.localDate)
        case .month: String(row.localDate.prefix(7))
        case .facility: row.facility
        case .kiosk: "\(row.facility)/\(row.kiosk)"
        case .source: row.source
        case .code: row.resultCode.isEmpty ? row.resultClass : "\(row.resultClass) \(row.resultCode)"
        }
    }

    /// ISO 8601 week, `2024-W07`.
    static func isoWeek(of date: String) -> String {
        guard let days = FacilityClock.days(of: date) else { return date }
        let weekday = ((days % 7) + 7 + 3) % 7  // Monday = 0 (1970-01-01 was a Thursday)
        let thursday = days - weekday + 3
        let (year, _, _) = FacilityClock.civil(fromDays: thursday)
        let week = (thursday - FacilityClock.daysFromCivil(year: year, month: 1, day: 1)) / 7 + 1
        return "\(year)-W\(week < 10 ? "0" : "")\(week)"
    }
}
