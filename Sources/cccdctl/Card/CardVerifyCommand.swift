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
            --master-list, --crl and --trust-dir (for the kiosk's own: /etc/cccdd/trust). The \
            verdict adds the DG1/DG13 cross-checks, the card's expiry and, with --qr, the QR; saved \
            files cannot prove they came from the original chip, so clone detection is not required.
            Exit status (Passive Authentication's): 0 valid or validUnchained (signature and hashes valid); 1 hashMismatch, \
            badSignature, untrustedSigner or expired; 65 malformed files or trust files; 66 the \
            folder cannot be read.
            """
    )

    @Option(name: .customLong("lds"), help: "Folder with the chip files.", transform: { URL(fileURLWithPath: $0) })
    var ldsDirectory: URL

    @OptionGroup var trustOptions: TrustArguments

    @Option(help: ArgumentHelp("The card's QR payload, compared with the saved DG13 and DG1.", valueName: "PAYLOAD"))
    var qr: String?

    @Flag(help: "Print the result as JSON.")
    var json = false

    @Option(help: "Language of messages: vi or en.")
    var lang: Language = .en

    func validate() throws {
        _ = try qr.map(ChipAccessArguments.citizenQR(payload:))
    }

    func run() async throws {
        let files: LDSFileSet
        do {
            files = try LDSDirectory.read(ldsDirectory)
        } catch {
            StandardError.writeLine(error, in: lang)
            throw ExitCode(66)
        }
        let trust = try TrustOptions.load(trustOptions.sources, lang: lang)
        let citizen = try qr.map(ChipAccessArguments.citizenQR(payload:))
        // Saved files cannot show whether they came from the original chip: clone detection is
        // not required here, and its checks say they did not run.
        let verifier = CardVerifier(trust: trust, policy: trustOptions.policy(dropping: [.cloneDetection]))
        let result = verifier.passiveAuthenticator.verify(files)
        let verdict = verifier.verdict(passive: result, files: files, chipAuthentication: nil, activeAuthentication: nil,
                                       qr: citizen, today: try FacilityDate.parse(trustOptions.today))
        if json {
            print(try JSONOutput.render(PassiveAuthenticationJSON(result, verdict: verdict)), terminator: "")
        } else {
            print(PassiveAuthenticationText.render(result, in: lang) + CardVerdictText.render(verdict, in: lang, skipping: Set(result.checks.map(\.name))), terminator: "")
        }
        switch result.outcome {
        case .valid, .validUnchained: return
        case .malformed: throw ExitCode(65)
        case .hashMismatch, .badSignature, .untrustedSigner, .expired: throw ExitCode(1)
        }
    }
}
