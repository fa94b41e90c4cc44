public import CCCDIdentity
public import Foundation

/// The export formats an auditor takes away.
public enum ExportFormat: String, Sendable, CaseIterable {
    /// Excel-friendly CSV: UTF-8 with a byte-order mark, CRLF line ends.
    case csv
    case json
    /// One self-contained HTML file: tables, an inline SVG chart, definitions, the checkpoint.
    case html
}

extension Ledger {
    /// Writes a fresh signed checkpoint, computes the report for `query` (grouped by day unless a
    /// grouping is given, so the chart has points) and renders it. The checkpoint in the output is
    /// the one written, so the export itself later proves what the ledger held.
    public func export(_ query: StatisticsQuery, format: ExportFormat, language: Language = .en,
                       at instantMilliseconds: Int64) throws(LedgerError) -> Data {
        let checkpoint = try writeCheckpoint(at: instantMilliseconds)
        var query = query
        if query.grouping == nil { query.grouping = .day }
        var report = try statistics(query)
        report.checkpoint = checkpoint
        return try report.rendered(format, language: language)
    }
}

extension StatisticsReport {
    /// The report in `format`; CSV headers in `language`.
    public func rendered(_ format: ExportFormat, language: Language = .en) throws(LedgerError) -> Data {
        let report = self
        switch format {
        case .csv: return CSVReport(report: report, language: language).render()
        case .json:
            do {
                return try ReportJSON(report).encoded()
            } catch {
                throw LedgerError(.exportFailed, diagnostic: "JSON encoding")
            }
        case .html: return Data(HTMLReport(report: report, language: language).render().utf8)
        }
    }
}
