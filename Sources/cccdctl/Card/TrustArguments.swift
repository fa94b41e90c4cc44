import ArgumentParser
import CCCDIdentity
import CardVerification
import Foundation

/// Where trust comes from and how strict the verdict is, for `card read` and `card verify`:
/// trust comes only from these options (for the kiosk's own: `--trust-dir /etc/cccdd/trust`).
struct TrustArguments: ParsableArguments {
    @Option(name: .customLong("csca"), help: "A trusted CSCA certificate (PEM or DER); repeatable.",
            transform: { URL(fileURLWithPath: $0) })
    var cscaFiles: [URL] = []

    @Option(name: .customLong("master-list"), help: "An ICAO CSCA master list (.ml); repeatable.",
            transform: { URL(fileURLWithPath: $0) })
    var masterLists: [URL] = []

    @Option(name: .customLong("crl"), help: "A CSCA's CRL (PEM or DER); repeatable.", transform: { URL(fileURLWithPath: $0) })
    var crls: [URL] = []

    @Option(name: .customLong("trust-dir"), help: "A trust directory (csca/, masterlists/, crl/).",
            transform: { URL(fileURLWithPath: $0, isDirectory: true) })
    var trustDirectory: URL?

    @Flag(help: "Treat a signer whose issuer is not trusted as untrustedSigner rather than validUnchained.")
    var strict = false

    @Flag(help: "Require the document signer to chain to a trusted CSCA for an authentic verdict.")
    var requireChain = false

    @Option(help: ArgumentHelp("The facility's date for the card's expiry; default: today in Vietnam.", valueName: "YYYY-MM-DD"))
    var today: String?

    var sources: TrustSources {
        TrustSources(directory: trustDirectory, cscaFiles: cscaFiles, masterListFiles: masterLists, crlFiles: crls)
    }

    /// The default requirements, with the chain when `--require-chain`, without `dropping`.
    func policy(dropping dropped: Set<VerdictRequirement> = []) -> VerificationPolicy {
        var required = VerificationPolicy.defaultRequired.subtracting(dropped)
        if requireChain { required.insert(.documentSignerChain) }
        return VerificationPolicy(passive: PassiveAuthenticationPolicy(unknownIssuer: strict ? .untrusted : .unchained), required: required)
    }

    func validate() throws {
        _ = try FacilityDate.parse(today)
    }
}

/// Loads trust sources for a command. A file the operator named that cannot be used stops the
/// command (exit 65); problems inside a trust directory are warnings, as the daemon treats them.
enum TrustOptions {
    static func load(_ sources: TrustSources, lang: Language) throws -> TrustSnapshot {
        let snapshot: TrustSnapshot
        do {
            snapshot = try TrustSnapshot.load(sources)
        } catch {
            StandardError.writeLine(error, in: lang)
            throw ExitCode(65)
        }
        let named = Set(sources.cscaFiles + sources.masterListFiles + sources.crlFiles)
        for problem in snapshot.problems {
            StandardError.writeLine("\(problem.file.path): \(problem.error.operatorText(in: lang)) [\(problem.error.code)]")
        }
        if snapshot.problems.contains(where: { named.contains($0.file) }) { throw ExitCode(65) }
        if snapshot.directoryMissing, let directory = sources.directory {
            StandardError.writeLine("warning: trust directory \(directory.path) does not exist; no CSCA from it is trusted")
        }
        return snapshot
    }
}
