/// What Chip Authentication did, as a raw outcome. Whether it *proves* the chip genuine is the
/// verifier's decision: the key came from DG14, which only Passive Authentication can bind to a
/// trusted signer (the gmrtd #349 clone bypass trusted an unbound key).
public struct ChipAuthenticationOutcome: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable {
        /// New session keys agreed, and a protected response under them verified: the chip holds
        /// the private key of the DG14 key used.
        case verified
        /// The chip accepted our key but its next protected response did not verify under the
        /// new keys: it does not hold the private key (a clone), or the session broke.
        case keysNotConfirmed
        /// The chip refused MSE:Set AT/KAT or GENERAL AUTHENTICATE.
        case chipRefused
        /// The DG14 key or variant is one this reader cannot use.
        case unsupported
    }

    public var status: Status
    /// "CA-ECDH-AES-128", for reports.
    public var protocolName: String
    public var keyID: Int?
    /// Operator detail (status words, OpenSSL reasons); no personal data.
    public var detail: String?

    public init(status: Status, protocolName: String, keyID: Int? = nil, detail: String? = nil) {
        self.status = status
        self.protocolName = protocolName
        self.keyID = keyID
        self.detail = detail
    }

    /// Passed only when the protocol verified **and** Passive Authentication bound DG14 to a
    /// trusted signer; otherwise "not proven".
    public func isProven(dg14BoundByPassiveAuthentication: Bool) -> Bool {
        status == .verified && dg14BoundByPassiveAuthentication
    }
}
