import Foundation
import KioskConfiguration

/// How this run was asked to start (the command line), beside what the configuration says.
struct DaemonOptions: Sendable {
    /// The configuration file, re-read on SIGHUP; nil for the demo's built-in configuration.
    var configPath: String?
    var demo: DemoSetup?
    /// Overrides `[http] listen`'s port (the demo's `--port`, 0 for any free port).
    var port: Int?
}

/// Exit statuses (sysexits.h), as the unit file and admins see them.
enum DaemonExit {
    /// EX_CONFIG: the configuration (or a secret it names) is invalid.
    static let configuration: Int32 = 78
    /// EX_CANTCREAT: the ledger or the token file cannot be created.
    static let cannotCreate: Int32 = 73
    /// EX_UNAVAILABLE: the demo's material is missing.
    static let unavailable: Int32 = 69
    /// EX_SOFTWARE: an unexpected failure.
    static let software: Int32 = 70
}
