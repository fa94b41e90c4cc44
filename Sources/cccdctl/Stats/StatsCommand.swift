public import ArgumentParser
import CCCDIdentity
import Foundation
public import Ledger

extension StatisticsQuery.Grouping: ExpressibleByArgument {}
extension ExportFormat: ExpressibleByArgument {}
extension HeadlineFigures.Figure: ExpressibleByArgument {}

/// `cccdctl stats`: the headline figures with their numerators, denominators and definitions.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Lookup statistics from the ledger, every rate with its numerator and denominator.",
        subcommands: [StatsShowCommand.self, StatsCheckCommand.self],
        defaultSubcommand: StatsShowCommand.self
    )
}

struct StatsShowCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument { case table, csv, json }

    static let configuration = CommandConfiguration(commandName: "show", abstract: "Print the statistics (the default).")

    @OptionGroup var options: LedgerOptions
    @OptionGroup var period: PeriodOptions

    @Option(help: "Break down by day, week, month, facility, kiosk, source or code.")
    var by: StatisticsQuery.Grouping?

    @Option(help: "table, csv or json.")
    var format: Format = .table

    @Option(help: "Language of CSV headers: vi or en.")
    var lang: Language = .en

    @Flag(help: "Skip the exact latency percentiles (they read every raw record).")
    var noLatency = false

    func run() throws {
        do {
            let ledger = try options.openReadOnly()
            let report = try ledger.statistics(StatisticsQuery(from: period.from, to: period.to, grouping: by, includeLatency: !noLatency))
            switch format {
            case .table: print(StatsTable(report: report).render(), terminator: "")
            case .csv: FileHandle.standardOutput.write(try report.rendered(.csv, language: lang))
            case .json: FileHandle.standardOutput.write(try report.rendered(.json))
            }
        } catch let error as LedgerError {
            StandardError.writeLine(error, in: lang)
            throw ExitCode(2)
        }
    }
}

/// `cccdctl stats check --claim 95%`: exit 0 supported, 1 not supported.
struct StatsCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Say whether the records support a published rate, and by how much they differ.",
        discussion: "Supported means the records give the claimed rate at the claim's own precision, truncated (never rounded up), and any claimed counts match."
    )

    @OptionGroup var options: LedgerOptions
    @OptionGroup var period: PeriodOptions

    @Option(help: "The claimed rate, e.g. 95% or 90.6%.")
    var claim: String

    @Option(help: "Which figure the claim is about.")
    var figure: HeadlineFigures.Figure = .lookupSuccessRate

    @Option(help: "The claimed numerator (e.g. successful lookups).")
    var claimedNumerator: Int64?

    @Option(help: "The claimed denominator (e.g. lookups).")
    var claimedDenominator: Int64?

    func run() throws {
        let result: Reconciliation
        do {
            let ledger = try options.openReadOnly()
            let claim = try Claim(self.claim, figure: figure, numerator: claimedNumerator, denominator: claimedDenominator)
            result = try ledger.reconcile(claim, over: StatisticsQuery(from: period.from, to: period.to, includeLatency: false))
        } catch let error as LedgerError {
            StandardError.writeLine(error, in: .en)
            throw ExitCode(2)
        }
        let rate = result.recomputed
        print("\(result.supported ? "supported" : "not supported"): claimed \(result.claim.text), recomputed \(rate.percentText) = \(rate.numerator) / \(rate.denominator)")
        print("figure: \(figure.rawValue) — \(figure.definition)")
        print("difference (claimed − recomputed): \(result.differenceText)")
        if let needed = result.numeratorNeeded {
            print("numerator the claim needs with \(rate.denominator) as denominator: \(needed) (\(needed - rate.numerator) more than recorded)")
        }
        if let matches = result.numeratorMatches { print("claimed numerator \(claimedNumerator ?? 0): \(matches ? "matches" : "differs from \(rate.numerator)")") }
        if let matches = result.denominatorMatches { print("claimed denominator \(claimedDenominator ?? 0): \(matches ? "matches" : "differs from \(rate.denominator)")") }
        if !result.supported { throw ExitCode(1) }
    }
}
