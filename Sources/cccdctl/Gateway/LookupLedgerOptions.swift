import ArgumentParser
import Eligibility
import Foundation
import Ledger
import Logging

/// `cccdctl lookup --ledger PATH`: record the lookup as a `manual` presentation. The device key
/// and the site secret are found the way the ledger commands find the key: beside the ledger
/// (`PATH.key`, `PATH.site-secret`) unless given, and created on first use.
struct LookupLedgerOptions: ParsableArguments {
    @Option(help: "Record the lookup in this ledger as a manual presentation (prints its sequence number).")
    var ledger: String?

    @Option(help: "The device's Ed25519 checkpoint key (default: the ledger path + .key; created if absent).")
    var deviceKey: String?

    @Option(help: "The site's pseudonym secret (default: the ledger path + .site-secret; created if absent).")
    var siteSecret: String?

    @Option(help: "The facility's BHXH code (maCSKCB) recorded with the lookup; required with --ledger.")
    var facility: String?

    @Option(help: "The kiosk or workstation recorded with the lookup.")
    var kiosk: String = "cccdctl"

    func validate() throws {
        if ledger != nil && facility == nil { throw ValidationError("--ledger needs --facility (the maCSKCB code)") }
    }

    /// Appends the lookup of `idNumber` and returns the stored record; nil without `--ledger`.
    func record(_ result: EligibilityResult, idNumber: String) throws -> LedgerRecord? {
        guard let ledger, let facility else { return nil }
        let pseudonymizer = try SubjectPseudonymizer(secretFile: siteSecret ?? ledger + ".site-secret", create: true)
        var logger = Logger(label: "cccd.ledger")
        logger.logLevel = .info
        let store = try Ledger(path: ledger, signer: DeviceKey(path: deviceKey ?? ledger + ".key", create: true),
                               configuration: LedgerConfiguration(logger: logger))
        return try store.append(Presentation(
            result: result, instantMilliseconds: Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)),
            facility: facility, kiosk: kiosk, source: .manual, chipVerdict: .notRead,
            subject: pseudonymizer.pseudonym(of: idNumber)))
    }
}
