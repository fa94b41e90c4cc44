import ArgumentParser
import Foundation
import Ledger
import Logging

/// `--ledger PATH` and `--device-key PATH`, shared by every ledger and stats command.
struct LedgerOptions: ParsableArguments {
    @Option(help: "The ledger database.")
    var ledger: String = "/var/lib/cccdd/ledger.sqlite"

    @Option(help: "The device's Ed25519 checkpoint key (default: the ledger path + .key; created when a command writes).")
    var deviceKey: String?

    @Option(help: "The facility's UTC offset for local dates, e.g. +07:00.")
    var utcOffset: String = "+07:00"

    /// Opens the ledger to append or sign, creating it and the device key when they do not exist yet.
    func open() throws -> Ledger {
        try Ledger(path: ledger, signer: DeviceKey(path: keyPath, create: true), configuration: configuration())
    }

    /// Opens the ledger read-only (statistics, verification; an auditor's copy): nothing is
    /// written, so a mistyped path is refused rather than created. Checkpoints are checked against
    /// `publicKeyFile` when given, else against the device key beside the ledger, if there is one.
    func openReadOnly(publicKeyFile: String? = nil) throws -> Ledger {
        var publicKey: DevicePublicKey?
        if let publicKeyFile {
            publicKey = try DevicePublicKey(contentsOf: publicKeyFile)
        } else if FileManager.default.fileExists(atPath: keyPath) {
            publicKey = try DeviceKey(path: keyPath, create: false).publicKey
        }
        return try Ledger(readOnlyAt: ledger, publicKey: publicKey, configuration: configuration())
    }

    var keyPath: String { deviceKey ?? ledger + ".key" }

    func configuration() throws -> LedgerConfiguration {
        guard let clock = Self.clock(utcOffset) else {
            throw ValidationError("--utc-offset must look like +07:00")
        }
        var logger = Logger(label: "cccd.ledger")
        logger.logLevel = .info
        return LedgerConfiguration(clock: clock, logger: logger)
    }

    static func clock(_ text: String) -> FacilityClock? {
        let sign: Int64 = text.hasPrefix("-") ? -1 : 1
        let digits = text.drop { $0 == "+" || $0 == "-" }.split(separator: ":")
        guard digits.count == 2, let hours = Int64(digits[0]), let minutes = Int64(digits[1]),
              (0...14).contains(hours), (0..<60).contains(minutes) else { return nil }
        return FacilityClock(offsetSeconds: sign * (hours * 3600 + minutes * 60))
    }

    static var nowMilliseconds: Int64 { Int64(Date().timeIntervalSince1970 * 1000) }
}

/// `--from D --to D` (facility-local dates, inclusive).
struct PeriodOptions: ParsableArguments {
    @Option(help: "First local date (YYYY-MM-DD), inclusive.")
    var from: String?

    @Option(help: "Last local date (YYYY-MM-DD), inclusive.")
    var to: String?
}
