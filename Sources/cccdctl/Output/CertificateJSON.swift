import CardVerification
import Foundation

/// One X.509 certificate as `card verify` and `trust` commands print it.
struct CertificateJSON: Encodable {
    let subject: String
    let issuer: String
    let serialNumber: String
    let notBefore: String
    let notAfter: String
    let publicKey: String
    let curve: Nullable<String>
    let explicitParameters: Bool
    let signatureAlgorithm: String
    let fingerprintSHA256: String

    init(_ certificate: X509Certificate) {
        subject = certificate.subject
        issuer = certificate.issuer
        serialNumber = certificate.serialNumber
        notBefore = certificate.notBefore.map(JSONOutput.timestamp) ?? ""
        notAfter = certificate.notAfter.map(JSONOutput.timestamp) ?? ""
        publicKey = certificate.publicKey.description
        curve = Nullable(certificate.publicKey.curve)
        explicitParameters = certificate.publicKey.explicitParameters
        signatureAlgorithm = certificate.signatureAlgorithm
        fingerprintSHA256 = certificate.fingerprintSHA256
    }

    /// `2037-10-01`, or `?` when the certificate's date could not be read.
    static func day(_ date: Date?) -> String {
        date.map { $0.formatted(.iso8601.year().month().day()) } ?? "?"
    }
}

/// The JSON conventions of the CLI: pretty-printed, sorted keys, UTC timestamps.
enum JSONOutput {
    static func render(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    /// `2022-06-29T00:00:00Z`.
    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
