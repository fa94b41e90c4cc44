public import LDS

/// What Passive Authentication concluded, most severe finding first.
///
/// Distinct outcomes rather than a boolean, because the kiosk acts differently on each: a
/// genuine card whose CSCA is not loaded yet (``validUnchained``) is not a forged one.
public enum PassiveAuthenticationOutcome: Sendable, Hashable {
    /// Signature and hashes valid, and the document signer chains to a trusted CSCA, valid at
    /// signing time and now, not revoked.
    case valid
    /// Signature and hashes valid, but no trusted CSCA issued the document signer: the data is
    /// intact and signed by the key in the SOD, but nothing says whose key that is. The expected
    /// state until operators load Vietnam's CSCA.
    case validUnchained
    /// A data group read from the chip differs from (or is missing in) the SOD's hash list:
    /// tampering or a read error. The lowest-numbered such group; every one is in the checks.
    case hashMismatch(DataGroup)
    /// The SOD's signature does not verify, or its messageDigest does not match its content.
    case badSignature
    /// The document signer names a trusted CSCA as its issuer, but the chain does not verify
    /// (signature, CA constraints), it is revoked, the CRL is stale, or its keyUsage forbids
    /// signing. Also the outcome for an unknown issuer under a strict policy.
    case untrustedSigner
    /// The document signer chains to a trusted CSCA, but it or the CSCA was outside its
    /// validity period at signing time or is now.
    case expired
    /// EF.SOD (or the set of files) cannot be checked at all.
    case malformed(MalformedSOD)

    /// `valid`, `validUnchained`, `hashMismatch`…: the stable name reports use.
    public var name: String {
        switch self {
        case .valid: "valid"
        case .validUnchained: "validUnchained"
        case .hashMismatch: "hashMismatch"
        case .badSignature: "badSignature"
        case .untrustedSigner: "untrustedSigner"
        case .expired: "expired"
        case .malformed: "malformed"
        }
    }

    /// Whether the SOD's signature and every hash verified (chained or not).
    public var signatureAndHashesValid: Bool {
        switch self {
        case .valid, .validUnchained, .untrustedSigner, .expired: true
        case .hashMismatch, .badSignature, .malformed: false
        }
    }
}
