import ArgumentParser
import CCCDIdentity
import Foundation
import Ledger

/// `cccdctl ledger public-key [--out FILE]`: the device's checkpoint-verification key, for auditors.
struct LedgerPublicKeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "public-key",
        abstract: "Print (or write) the device's Ed25519 public key for `ledger verify --public-key` on a copy.",
        discussion: "The private key never leaves the device; the public key lets an auditor check every checkpoint signature."
    )

    @OptionGroup var options: LedgerOptions

    @Option(help: "Write the key (64 hex digits and a newline) to this file instead of stdout.")
    var out: String?

    func run() throws {
        do {
            let line = try DeviceKey(path: options.keyPath, create: false).publicKey.hex + "\n"
            if let out {
                guard FileManager.default.createFile(atPath: out, contents: Data(line.utf8)) else {
                    throw LedgerError(.exportFailed, diagnostic: out)
                }
            } else {
                print(line, terminator: "")
            }
        } catch let error as LedgerError {
            StandardError.writeLine(error, in: .en)
            throw ExitCode(2)
        }
    }
}
