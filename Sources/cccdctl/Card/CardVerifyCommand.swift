import ArgumentParser
import CCCDIdentity
import CardVerification
import Foundation
import LDS

/// `cccdctl card verify --lds DIR`: Passive Authentication of saved chip files.
struct CardVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Run Passive Authentication on chip files saved by 'card read --out'.",
        discussion: """
            Reads EF.SOD.bin and DG1.bin, DG2.bin… (or files named by identifier, 011D.bin…) from \
            the --lds folder, checks the SOD signature, every data group's hash and the document \
            signer against the CSCAs given. Trust comes only from the options: --csca, \
            --master-list, --crl and --trust-dir (for the kiosk's own: /etc/cccdd/trust).
            Exit status: 0 valid or validUnchained (signature and hashes valid); 1 hashMismatch, \
            badSignature, untrustedSigner or expired; 65 malformed files or trust files; 66 the \
            folder cannot be read.
            """
    )

    @Option(name: .customLong("lds"), help: "Folder with the chip files.", transform: { URL(fileURLWithPath: $0) })
    var ldsDirectory: URL

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

    @Flag(help: "Print the result as JSON.")
    var json = false

    @Option(help: "Language of messages: vi or en.")
    var lang: Language = .en

    func run() async throws {
        let files: LDSFileSet
        do {
            files = try LDSDirectory.read(ldsDirectory)
        } catch {
            StandardError.writeLine(error, in: lang)
            throw ExitCode(66)
        }
        let trust = try TrustOptions.load(TrustSources(directory: trustDirectory, cscaFiles: cscaFiles,
                                                       masterListFiles: masterLists, crlFiles: crls), lang: lang)
        let policy = PassiveAuthenticationPolicy(unknownIssuer: strict ? .untrusted : .unchained)
        let result = PassiveAuthenticator(trust: trust, policy: policy).verify(files)
        if json {
            print(try JSONOutput.render(PassiveAuthenticationJSON(result)), terminator: "")
        } else {
            print(PassiveAuthenticationText.render(result, in: lang), terminator: "")
        }
        switch result.outcome {
        case .valid, .validUnchained: return
        case .malformed: throw ExitCode(65)
        case .hashMismatch, .badSignature, .untrustedSigner, .expired: throw ExitCode(1)
        }
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
