import ArgumentParser
import CCCDIdentity
import CardVerification
import Foundation

/// `cccdctl trust add FILE`: copies CSCA certificates into `csca/` after checking each is a CA
/// certificate, under a name derived from its fingerprint so two CSCAs never overwrite each
/// other. The daemon picks them up on its next reload (SIGHUP).
struct TrustAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add CSCA certificates (PEM or DER) to the trust directory.",
        discussion: "Exit status 65 when the file holds no certificate or a certificate that is not a CA; nothing is copied then."
    )

    @Argument(help: "A PEM (one or more certificates) or DER certificate file.", transform: { URL(fileURLWithPath: $0) })
    var file: URL

    @OptionGroup var trust: TrustDirectoryOption

    @Option(help: "Language of messages: vi or en.")
    var lang: Language = .en

    func run() async throws {
        let certificates: [X509Certificate]
        do {
            guard let data = FileManager.default.contents(atPath: file.path) else {
                throw TrustStoreError(.fileUnreadable, diagnostic: file.path)
            }
            certificates = try X509Certificate.certificates(in: [UInt8](data))
            if let notCA = certificates.first(where: { !$0.isCertificateAuthority }) {
                throw TrustStoreError(.notACertificateAuthority, diagnostic: notCA.subject)
            }
        } catch let error as TrustStoreError {
            StandardError.writeLine(error, in: lang)
            throw ExitCode(65)
        }
        let folder = trust.directory.appendingPathComponent("csca", isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for certificate in certificates {
                let target = folder.appendingPathComponent("\(certificate.fingerprintSHA256.prefix(16)).pem")
                if FileManager.default.fileExists(atPath: target.path) {
                    print("already trusted: \(certificate.subject) (\(target.path))")
                    continue
                }
                try Data(certificate.pem.utf8).write(to: target, options: .withoutOverwriting)
                print("added \(certificate.subject), SHA-256 \(certificate.fingerprintSHA256) → \(target.path)")
            }
        } catch {
            StandardError.writeLine(TrustStoreError(.directoryUnwritable, diagnostic: "\(folder.path): \(error.localizedDescription)"), in: lang)
            throw ExitCode(73)
        }
    }
}
