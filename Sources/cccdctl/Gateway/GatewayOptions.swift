import ArgumentParser
import AsyncHTTPClient
import Eligibility
import EligibilityGateways
import Foundation
import Logging

/// How a command reaches the gateway: a configuration file, or the BHXH account given on the
/// command line (password always from a file, so it never shows in `ps` or shell history).
struct GatewayOptions: ParsableArguments {
    @Option(help: "Gateway configuration file (JSON; see GatewayConfigurationFile).")
    var config: String?

    @Option(name: .customLong("base-url"), help: "BHXH egw base URL (no default: production must be chosen explicitly).")
    var baseURL: String?

    @Option(help: "BHXH account, usually <facility code>_BV.")
    var username: String?

    @Option(name: .customLong("password-file"), help: "File holding the account password (mode 600).")
    var passwordFile: String?

    @Option(name: .customLong("staff-name"), help: "Registered staff member named in every lookup.")
    var staffName: String?

    @Option(name: .customLong("staff-id"), help: "That staff member's 12-digit CCCD.")
    var staffID: String?

    @Option(help: "Per-request timeout in seconds.")
    var timeout: Double = 15

    /// The configuration file, or one built from the flags with a single `bhxh` adapter.
    func configurationFile() throws -> GatewayConfigurationFile {
        if let config {
            return try GatewayConfigurationFile.load(from: URL(fileURLWithPath: config))
        }
        guard let baseURL, let url = URL(string: baseURL), url.scheme != nil, let username, let passwordFile,
              let staffName, let staffID
        else {
            throw ValidationError("give --config FILE, or all of --base-url, --username, --password-file, --staff-name, --staff-id")
        }
        return GatewayConfigurationFile(
            bhxh: .init(baseURL: url, username: username, passwordFile: passwordFile, staffName: staffName,
                        staffID: staffID, requestTimeoutSeconds: timeout))
    }

    /// Warnings and errors on stderr, so `--json` output on stdout stays clean.
    static var logger: Logger {
        var logger = Logger(label: "cccdctl") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = .warning
        return logger
    }
}
