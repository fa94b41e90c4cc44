import ArgumentParser
import CCCDIdentity
import Foundation
import Ledger

struct LedgerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "Verify the lookup ledger, export the device's public key, or fill a ledger with synthetic presentations.",
        subcommands: [LedgerVerifyCommand.self, LedgerPublicKeyCommand.self, LedgerImportSampleCommand.self]
    )
}

/// `cccdctl ledger verify [--checkpoint FILE] [--public-key FILE]`: exit 0 intact, 1 broken (first
/// broken record printed). Opens the file read-only, so an auditor can run it on a copy.
struct LedgerVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Recompute the hash chain; report intact or the first broken record.",
        discussion: """
            --checkpoint takes any file holding a checkpoint line: a log, an earlier export (CSV, JSON, HTML). \
            --public-key takes the device's public key (from `cccdctl ledger public-key`): every stored checkpoint \
            must be signed with it. Without it the device key beside the ledger is used. The ledger is never written.
            """
    )

    @OptionGroup var options: LedgerOptions

    @Option(help: "A file containing an earlier checkpoint line to check the ledger against.")
    var checkpoint: String?

    @Option(help: "The device's public key (64 hex digits) to check every checkpoint signature against.")
    var publicKey: String?

    func run() throws {
        do {
            let ledger = try options.openReadOnly(publicKeyFile: publicKey)
            let result: ChainVerification
            if let checkpoint {
                guard let text = FileManager.default.contents(atPath: checkpoint) else {
                    throw LedgerError(.malformedCheckpoint, diagnostic: checkpoint)
                }
                result = try ledger.verify(against: Checkpoint.parse(from: String(decoding: text, as: UTF8.self)))
            } else {
                result = try ledger.verify()
            }
            if let broken = result.firstBroken {
                print("broken at sequence \(broken): \(result.breakReason?.rawValue ?? "unknown") (\(result.recordsChecked) records verified before it)")
                throw ExitCode(1)
            }
            print("intact: \(result.recordsChecked) records verified, head sequence \(result.headSequence), head \(result.head)")
        } catch let error as LedgerError {
            StandardError.writeLine(error, in: .en)
            throw ExitCode(2)
        }
    }
}

