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

    /// Opens the ledger; `writing` creates the device key when it does not exist yet. Read-only
    /// statistics never sign, so on an auditor's copy without the key they use a throwaway one.
    /// A command that only reads refuses a path with no ledger, rather than creating an empty one
    /// there and reporting zero lookups for a mistyped path.
    func open(writing: Bool, signing: Bool = true) throws -> Ledger {
        guard let clock = Self.clock(utcOffset) else {
            throw ValidationError("--utc-offset must look like +07:00")
        }
        if !writing && !FileManager.default.fileExists(atPath: ledger) {
            throw LedgerError(.unavailable, diagnostic: "\(ledger): no such file")
        }
        let keyPath = deviceKey ?? ledger + ".key"
        let signer = !signing && !FileManager.default.fileExists(atPath: keyPath)
            ? DeviceKey() : try DeviceKey(path: keyPath, create: writing)
        var logger = Logger(label: "cccd.ledger")
        logger.logLevel = .info
        return try Ledger(path: ledger, signer: signer, configuration: LedgerConfiguration(clock: clock, logger: logger))
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
