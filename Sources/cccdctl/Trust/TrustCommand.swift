import ArgumentParser
import CardVerification
import Foundation

/// `cccdctl trust …`: the CSCA trust store an admin manages (`/etc/cccdd/trust/`).
struct TrustCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trust",
        abstract: "Inspect and manage the CSCA trust store.",
        subcommands: [TrustListCommand.self, TrustAddCommand.self, TrustVerifyMasterListCommand.self]
    )
}

/// `--trust-dir`, defaulting to the daemon's directory.
struct TrustDirectoryOption: ParsableArguments {
    @Option(name: .customLong("trust-dir"), help: "The trust directory (default /etc/cccdd/trust).",
            transform: { URL(fileURLWithPath: $0, isDirectory: true) })
    var directory: URL = TrustSources.defaultDirectory
}
