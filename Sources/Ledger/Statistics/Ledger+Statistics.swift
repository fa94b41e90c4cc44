import GRDB
import GRDBSQLite

extension Ledger {
    /// The figures for `query`, from the rollups (instant at any size) plus, when asked, exact
    /// latency percentiles from the raw records.
    public func statistics(_ query: StatisticsQuery) throws(LedgerError) -> StatisticsReport {
        try read { db in
            let rows = try rollupRows(db, query)
            var tally = Tally()
            var grouped: [String: Tally] = [:]
            for row in rows {
                tally.add(row)
                if let grouping = query.grouping { grouped[grouping.key(of: row), default: Tally()].add(row) }
            }
            let groups = grouped.keys.sorted().map { key in
                StatisticsReport.Group(key: key, tally: grouped[key] ?? Tally(), headline: HeadlineFigures(grouped[key] ?? Tally()))
            }
            let latency = query.includeLatency ? try Self.latencies(db, query) : nil
            return StatisticsReport(query: query, tally: tally, headline: HeadlineFigures(tally), groups: groups,
                                    latency: latency, checkpoint: nil)
        }
    }

    /// The rollup rows of the period from the coarsest rollup that answers each part of it (see
    /// ``RollupPlan``), summed in SQL over every dimension the figures and the grouping do not
    /// need, so Swift sees hundreds of rows rather than one per day × facility × kiosk × outcome.
    func rollupRows(_ db: Database, _ query: StatisticsQuery) throws -> [RollupRow] {
        let plan = RollupPlan(query, monthly: hasMonthlyRollup)
        var rows: [RollupRow] = []
        if let months = plan.months {
            let (date, place) = switch query.grouping {
            case .month?: ("month", "''")
            case .facility?: ("''", "facility")
            default: ("''", "''")
            }
            rows += try Self.sum(db, table: "rollup_month", date: date, place: "\(place), ''", dateColumn: "month", range: months)
        }
        let (date, place) = switch query.grouping {
        case .day?, .week?: ("local_date", "'', ''")
        case .month?: ("substr(local_date, 1, 7)", "'', ''")
        case .facility?: ("''", "facility, ''")
        case .kiosk?: ("''", "facility, kiosk")
        case .source?, .code?, nil: ("''", "'', ''")
        }
        for range in plan.days {
            rows += try Self.sum(db, table: "rollup", date: date, place: place, dateColumn: "local_date", range: range)
        }
        return rows
    }

    private static func sum(_ db: Database, table: String, date: String, place: String, dateColumn: String,
                            range: ClosedRange<String>) throws -> [RollupRow] {
        try Row.fetchAll(db, sql: """
            SELECT \(date), \(place), source, chip_verdict, result_class, result_code, is_recheck,
                   SUM(records), SUM(gateway_calls), SUM(latency_ms)
            FROM \(table) WHERE \(dateColumn) BETWEEN ? AND ?
            GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
            """, arguments: [range.lowerBound, range.upperBound]).map {
            RollupRow(localDate: $0[0], facility: $0[1], kiosk: $0[2], source: $0[3], chipVerdict: $0[4],
                      resultClass: $0[5], resultCode: $0[6], isRecheck: $0[7] as Int64 != 0, records: $0[8],
                      gatewayCalls: $0[9], latencyMilliseconds: $0[10])
        }
    }

    /// Reads the lookups' latencies with the C API (millions of integers) and sorts them in memory.
    static func latencies(_ db: Database, _ query: StatisticsQuery) throws -> LatencyPercentiles? {
        let statement = try db.makeStatement(sql: """
            SELECT latency_ms FROM presentation
            WHERE local_date BETWEEN ? AND ? AND recheck_of = 0 AND result_class <> 'skipped'
            """)
        statement.arguments = [query.lowerBound, query.upperBound]
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        var values: [Int64] = []
        while sqlite3_step(handle) == SQLITE_ROW { values.append(sqlite3_column_int64(handle, 0)) }
        values.sort()
        return LatencyPercentiles(sorted: values)
    }
}
