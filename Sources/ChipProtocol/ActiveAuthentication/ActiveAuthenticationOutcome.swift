/// What Active Authentication did, as a raw outcome. A valid signature proves the chip holds the
/// private key of DG15's public key; whether that key is the genuine document's is only known
/// once Passive Authentication bound DG15 to a trusted signer — the verifier decides.
public struct ActiveAuthenticationOutcome: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable {
        /// The signature over our fresh challenge verified with DG15's key.
        case signatureValid
        /// It did not: a clone with copied data groups but not the key, or a tampered DG15.
        case signatureInvalid
        /// The chip refused INTERNAL AUTHENTICATE.
        case chipRefused
        /// DG15's key is of a type or form this reader cannot verify.
        case unsupported
    }

    public var status: Status
    /// "RSA ISO/IEC 9796-2 scheme 1, SHA-1" or "ECDSA, SHA-256"; nil when nothing was verified.
    public var signatureScheme: String?
    /// Operator detail (status words, what failed); no personal data.
    public var detail: String?

    public init(status: Status, signatureScheme: String? = nil, detail: String? = nil) {
        self.status = status
        self.signatureScheme = signatureScheme
        self.detail = detail
    }

    /// Passed only when the signature verified **and** Passive Authentication bound DG15 to a
    /// trusted signer; otherwise "not proven".
    public func isProven(dg15BoundByPassiveAuthentication: Bool) -> Bool {
        status == .signatureValid && dg15BoundByPassiveAuthentication
    }
}
