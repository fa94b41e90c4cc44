import ArgumentParser
import CCCDIdentity
import CardVerification
import Foundation

/// `cccdctl trust list`: every trusted CSCA with its validity, key and fingerprint, the master
/// lists and CRLs loaded, and the files that were skipped.
struct TrustListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the trusted CSCAs, master lists and CRLs of a trust directory."
    )

    @OptionGroup var trust: TrustDirectoryOption

    @Flag(help: "Print JSON.")
    var json = false

    @Option(help: "Language of messages: vi or en.")
    var lang: Language = .en

    func run() async throws {
        let snapshot = try TrustOptions.load(TrustSources(directory: trust.directory), lang: lang)
        if json {
            print(try JSONOutput.render(TrustListJSON(snapshot)), terminator: "")
            return
        }
        print("\(snapshot.certificates.count) trusted CSCA certificate(s) in \(trust.directory.path)")
        for trusted in snapshot.certificates {
            let certificate = trusted.certificate
            print("""
                \(certificate.subject)
                  valid \(CertificateJSON.day(certificate.notBefore)) – \(CertificateJSON.day(certificate.notAfter)), \
                \(certificate.publicKey), SHA-256 \(certificate.fingerprintSHA256)
                  from \(TrustListJSON.sourceText(trusted.source))\(certificate.isSelfIssued ? "" : " (link certificate, issued by \(certificate.issuer))")
                """)
        }
        for list in snapshot.masterLists {
            print("master list \(list.file.lastPathComponent): \(list.certificateCount) certificates, signed by \(list.signerSubject)")
        }
        for crl in snapshot.revocationLists {
            let next = CertificateJSON.day(crl.nextUpdate)
            print("CRL \(crl.file.lastPathComponent): \(crl.issuer), \(crl.revokedCount) revoked, next update \(next)"
                  + (crl.issuerTrusted ? "" : " (issuer not trusted: never used)"))
        }
    }
}

struct TrustListJSON: Encodable {
    struct Trusted: Encodable {
        let certificate: CertificateJSON
        let source: String
        /// False for a link certificate (a new CSCA key signed by the previous one).
        let selfIssued: Bool
    }

    struct MasterListJSON: Encodable {
        let file: String
        let signer: String
        let signerIssuer: Nullable<String>
        let certificateCount: Int
    }

    struct CRLJSON: Encodable {
        let file: String
        let issuer: String
        let nextUpdate: Nullable<String>
        let revokedCount: Int
        let issuerTrusted: Bool
    }

    struct ProblemJSON: Encodable {
        let file: String
        let code: String
        let message: String
    }

    let certificates: [Trusted]
    let masterLists: [MasterListJSON]
    let crls: [CRLJSON]
    let problems: [ProblemJSON]

    init(_ snapshot: TrustSnapshot) {
        certificates = snapshot.certificates.map { Trusted(certificate: CertificateJSON($0.certificate), source: Self.sourceText($0.source),
                                                      selfIssued: $0.certificate.isSelfIssued) }
        masterLists = snapshot.masterLists.map {
            MasterListJSON(file: $0.file.path, signer: $0.signerSubject, signerIssuer: Nullable($0.signerIssuerSubject),
                           certificateCount: $0.certificateCount)
        }
        crls = snapshot.revocationLists.map {
            CRLJSON(file: $0.file.path, issuer: $0.issuer, nextUpdate: Nullable($0.nextUpdate.map(JSONOutput.timestamp)),
                    revokedCount: $0.revokedCount, issuerTrusted: $0.issuerTrusted)
        }
        problems = snapshot.problems.map { ProblemJSON(file: $0.file.path, code: $0.error.code, message: $0.error.message.en) }
    }

    static func sourceText(_ source: TrustedCertificate.Source) -> String {
        switch source {
        case .file(let url): url.path
        case .masterList(let url): "master list \(url.path)"
        }
    }
}
