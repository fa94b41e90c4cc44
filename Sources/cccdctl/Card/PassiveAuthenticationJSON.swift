import CCCDIdentity
import CardVerification
import Foundation

/// `card verify --json`: the outcome, the certificates involved and every check, with the same
/// keys whatever the outcome (absent values are `null`), and the verdict.
struct PassiveAuthenticationJSON: Encodable {
    let outcome: String
    let summary: String
    let dataGroup: String?
    let malformedReason: String?
    let signatureAndHashesValid: Bool
    let hashAlgorithm: String?
    let signingTime: String?
    let signingTimeSource: String?
    let verifiedDataGroups: [String]
    let documentSigner: CertificateJSON?
    let trustAnchor: CertificateJSON?
    let checks: [VerificationCheck]
    let verdict: CardVerdictJSON

    init(_ result: PassiveAuthenticationResult, verdict: CardVerdict) {
        outcome = result.outcome.name
        summary = result.outcome.summary.en
        if case .hashMismatch(let group) = result.outcome { dataGroup = group.description } else { dataGroup = nil }
        if case .malformed(let reason) = result.outcome { malformedReason = reason.code } else { malformedReason = nil }
        signatureAndHashesValid = result.outcome.signatureAndHashesValid
        hashAlgorithm = result.hashAlgorithm
        signingTime = result.signingTime.map(JSONOutput.timestamp)
        signingTimeSource = result.signingTimeSource?.rawValue
        verifiedDataGroups = result.verifiedDataGroups.map(\.description)
        documentSigner = result.documentSigner.map(CertificateJSON.init)
        trustAnchor = result.trustAnchor.map(CertificateJSON.init)
        checks = result.checks
        self.verdict = CardVerdictJSON(verdict)
    }

    enum CodingKeys: String, CodingKey {
        case outcome, summary, dataGroup, malformedReason, signatureAndHashesValid, hashAlgorithm, signingTime
        case signingTimeSource, verifiedDataGroups, documentSigner, trustAnchor, checks, verdict
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(outcome, forKey: .outcome)
        try container.encode(summary, forKey: .summary)
        try container.encode(Nullable(dataGroup), forKey: .dataGroup)
        try container.encode(Nullable(malformedReason), forKey: .malformedReason)
        try container.encode(signatureAndHashesValid, forKey: .signatureAndHashesValid)
        try container.encode(Nullable(hashAlgorithm), forKey: .hashAlgorithm)
        try container.encode(Nullable(signingTime), forKey: .signingTime)
        try container.encode(Nullable(signingTimeSource), forKey: .signingTimeSource)
        try container.encode(verifiedDataGroups, forKey: .verifiedDataGroups)
        try container.encode(Nullable(documentSigner), forKey: .documentSigner)
        try container.encode(Nullable(trustAnchor), forKey: .trustAnchor)
        try container.encode(checks.map(CheckJSON.init), forKey: .checks)
        try container.encode(verdict, forKey: .verdict)
    }
}

/// The text form: the outcome sentence, the signer, then one line per check.
enum PassiveAuthenticationText {
    static func render(_ result: PassiveAuthenticationResult, in language: Language) -> String {
        var lines = ["Passive Authentication: \(result.outcome.name) — \(result.outcome.summary[language])"]
        if let signer = result.documentSigner {
            lines.append("Document signer: \(signer.subject) (\(signer.publicKey))")
            lines.append("  issued by \(signer.issuer), valid \(CertificateJSON.day(signer.notBefore)) – \(CertificateJSON.day(signer.notAfter))")
        }
        if let anchor = result.trustAnchor { lines.append("Trusted CSCA: \(anchor.subject)") }
        lines += result.checks.map(CardVerdictText.line)
        return lines.joined(separator: "\n") + "\n"
    }
}
