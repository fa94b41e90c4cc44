public import Foundation
public import LDS

/// Everything Passive Authentication found: the outcome, each check, and the certificates involved.
public struct PassiveAuthenticationResult: Sendable {
    /// Where the instant used for the "valid at signing time" check came from.
    public enum SigningTimeSource: String, Sendable, Hashable {
        /// The SignerInfo's signingTime attribute.
        case signedAttribute
        /// No signingTime attribute (most SODs have none): the document signer's notBefore, the
        /// earliest instant it can have signed. The check then asks whether the CSCA was valid
        /// when it issued the document signer — what matters across a CSCA key rollover.
        case documentSignerNotBefore
    }

    public let outcome: PassiveAuthenticationOutcome
    /// In the order they ran; see ``VerificationCheck/Name``.
    public let checks: [VerificationCheck]
    /// The document signer certificate from the SOD, when it could be read.
    public let documentSigner: X509Certificate?
    /// The trusted CSCA the document signer chained to (only for ``PassiveAuthenticationOutcome/valid``
    /// and the failures found after chaining).
    public let trustAnchor: X509Certificate?
    public let signingTime: Date?
    public let signingTimeSource: SigningTimeSource?
    /// `SHA-256`…: the LDS security object's hash algorithm.
    public let hashAlgorithm: String?
    /// The data groups whose hashes matched.
    public let verifiedDataGroups: [DataGroup]

    /// The check named `name`, if it ran.
    public func check(_ name: String) -> VerificationCheck? {
        checks.first { $0.name == name }
    }
}
