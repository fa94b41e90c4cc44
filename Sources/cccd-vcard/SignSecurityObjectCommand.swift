import ArgumentParser
import Foundation
import ICAOCrypto
import LDS
import VirtualChip

/// `cccd-vcard sign-sod --profile FILE --signer DS.pem --key DS.key`: writes the EF.SOD a
/// document signer would issue for the profile's card.
///
/// The card's genuine data groups are built from the profile (its own `securityObject`, if any, is
/// ignored), their LDSSecurityObject is signed by the `openssl` command-line tool — a signer that
/// shares no code with the reader that later verifies it — and the CMS ContentInfo is wrapped in
/// tag 77. The document signer certificate goes into the SignedData, as on real cards.
struct SignSecurityObjectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign-sod",
        abstract: "Sign the profile's data-group hashes into an EF.SOD with openssl cms (test keys only)."
    )

    @Option(help: "The virtual card's profile (JSON).")
    var profile: String

    @Option(help: "The document signer certificate (PEM).")
    var signer: String

    @Option(help: "The document signer's private key (PEM).")
    var key: String

    @Option(help: "Hash of the data groups and of the signature: sha1, sha224, sha256, sha384, sha512.")
    var hash: String = "sha256"

    @Option(help: "Where to write EF.SOD; default: the profile's \"securityObject\" path, else EF.SOD.bin beside it.")
    var out: String?

    func run() async throws {
        guard let algorithm = HashAlgorithm(rawValue: hash.uppercased()) else {
            throw ValidationError("--hash must be one of sha1, sha224, sha256, sha384, sha512")
        }
        let content: [UInt8]
        let destination: URL
        do {
            let profileURL = URL(fileURLWithPath: profile)
            var decoded = try JSONDecoder().decode(VirtualChipProfile.self, from: Data(contentsOf: profileURL))
            let folder = profileURL.deletingLastPathComponent()
            destination = out.map { URL(fileURLWithPath: $0) }
                ?? folder.appendingPathComponent(decoded.securityObject ?? "EF.SOD.bin")
            decoded.securityObject = nil
            let chip = try VirtualCCCDChip(configuration: try VirtualChipConfiguration(profile: decoded, relativeTo: folder))
            content = try chip.files.securityObjectContent(hashAlgorithm: algorithm)
        } catch {
            ToolOutput.error(VirtualCardToolError.profileProblem(error))
            throw ExitCode(78)
        }
        do {
            let signed = try await OpenSSLDocumentSigner(certificate: signer, key: key, digest: hash.lowercased()).sign(content)
            try Data(EFSOD.encode(contentInfo: signed)).write(to: destination, options: .atomic)
        } catch let error as VirtualCardToolError {
            ToolOutput.error(error)
            throw ExitCode(error.reason == .outputUnwritable ? 73 : 70)
        } catch {
            ToolOutput.error(VirtualCardToolError(.outputUnwritable, diagnostic: destination.path))
            throw ExitCode(73)
        }
        ToolOutput.line("signed: \(destination.path)")
    }
}
