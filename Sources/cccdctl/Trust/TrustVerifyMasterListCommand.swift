import ArgumentParser
import CCCDIdentity
import CardVerification
import Foundation

/// `cccdctl trust verify-master-list FILE`: checks a master list's signature before an admin
/// drops it into `masterlists/`, and says who signed it and how many CSCAs it holds.
struct TrustVerifyMasterListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify-master-list",
        abstract: "Verify an ICAO CSCA master list's signature and report its signer and size.",
        discussion: "Exit status 65 when the file is not a master list or its signature does not verify."
    )

    @Argument(help: "The master list (.ml).", transform: { URL(fileURLWithPath: $0) })
    var file: URL

    @Flag(help: "Print JSON.")
    var json = false

    @Option(help: "Language of messages: vi or en.")
    var lang: Language = .en

    func run() async throws {
        let list: MasterList
        do {
            list = try MasterList(contentsOf: file)
        } catch {
            StandardError.writeLine(error, in: lang)
            throw ExitCode(65)
        }
        let report = MasterListJSON(list)
        if json {
            print(try JSONOutput.render(report), terminator: "")
            return
        }
        print("""
            signature verified
            signer: \(report.signer.subject)
            signer issued by: \(list.signerIssuer?.subject ?? "no CSCA in the list")
            CSCA certificates: \(report.certificateCount) (\(report.countries.count) countries)
            """)
    }
}

private struct MasterListJSON: Encodable {
    let signatureVerified = true
    let version: Int
    let signer: CertificateJSON
    let signerIssuer: Nullable<String>
    let certificateCount: Int
    let countries: [String]

    init(_ list: MasterList) {
        version = list.version
        signer = CertificateJSON(list.signer)
        signerIssuer = Nullable(list.signerIssuer?.subject)
        certificateCount = list.certificates.count
        countries = Set(list.certificates.compactMap { certificate in
            certificate.subject.components(separatedBy: ", ").last { $0.hasPrefix("C=") }.map { String($0.dropFirst(2)) }
        }).sorted()
    }
}
