import ArgumentParser
import CCCDIdentity
import Foundation
import Ledger

/// `cccdctl export --format csv|json|html --out FILE`: writes a fresh signed checkpoint and the report made from it.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the statistics for auditors (CSV for Excel, JSON, or a self-contained HTML report)."
    )

    @OptionGroup var options: LedgerOptions
    @OptionGroup var period: PeriodOptions

    @Option(help: "csv, json or html.")
    var format: ExportFormat

    @Option(help: "The file to write.")
    var out: String

    @Option(help: "Language of headers and labels: vi or en.")
    var lang: Language = .en

    @Option(help: "Break down by day (default), week, month, facility, kiosk, source or code.")
    var by: StatisticsQuery.Grouping?

    func run() throws {
        do {
            let ledger = try options.open()
            let data = try ledger.export(StatisticsQuery(from: period.from, to: period.to, grouping: by),
                                         format: format, language: lang, at: LedgerOptions.nowMilliseconds)
            guard FileManager.default.createFile(atPath: out, contents: data) else {
                throw LedgerError(.exportFailed, diagnostic: out)
            }
            print("wrote \(out) (\(data.count) bytes)")
        } catch let error as LedgerError {
            StandardError.writeLine(error, in: lang)
            throw ExitCode(2)
        }
    }
}
