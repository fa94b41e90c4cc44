import ArgumentParser
import CCCDIdentity
import Foundation
import Glibc
import Ledger

/// `cccdctl ledger import-sample --count N [--seed S] [--print-committed]`.
struct LedgerImportSampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-sample",
        abstract: "Append realistic synthetic presentations (invented people) for demos and benchmarks.",
        discussion: "With --print-committed, each sequence number is written to stdout after its record committed."
    )

    @OptionGroup var options: LedgerOptions

    @Option(help: "How many presentations to append.")
    var count: Int

    @Option(help: "Seed of the generator (same seed, same presentations).")
    var seed: UInt64 = 1

    @Option(help: "First facility-local day of the sample.")
    var startDay: String = "2024-02-01"

    @Option(help: "Presentations per day.")
    var perDay: Int = 2000

    @Flag(help: "Print each committed sequence number (unbuffered) — used by the crash test.")
    var printCommitted = false

    func run() throws {
        do {
            let ledger = try options.open()
            var generator = try SamplePresentations(seed: seed, startDay: startDay, perDay: perDay)
            var previous: LedgerRecord?
            for _ in 0..<max(0, count) {
                let record = try ledger.append(generator.next(after: previous))
                previous = record
                if printCommitted {
                    let line = Array("\(record.sequence)\n".utf8)
                    _ = line.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
                }
            }
            if !printCommitted { print("appended \(max(0, count)) presentations; last sequence \(previous?.sequence ?? 0)") }
        } catch let error as LedgerError {
            StandardError.writeLine(error, in: .en)
            throw ExitCode(2)
        }
    }
}
