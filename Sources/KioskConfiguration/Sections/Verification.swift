extension DaemonConfiguration {
    /// `[verification]` — the policy that turns a chip read into a verdict.
    public struct Verification: Sendable, Hashable {
        /// What a document signer from an unknown CSCA means.
        public enum UnknownIssuer: String, Sendable, Hashable, CaseIterable {
            /// The signature checks out but the chain is not anchored: reported as unchained (default),
            /// because kiosks often lack the latest CSCA and patients must not be turned away for it.
            case unchained
            /// Treated as a failed verification.
            case untrusted
        }

        public enum Check: String, Sendable, Hashable, CaseIterable {
            case passiveAuthentication, cloneDetection, qrMatchesChip, dataGroupsConsistent, cardNotExpired
            case documentSignerChain
        }

        /// `trust-store` — directory of CSCA certificates, master lists and CRLs; default `"/etc/cccdd/trust"`.
        public var trustStore = "/etc/cccdd/trust"
        /// `unknown-issuer` — `"unchained"` (default) or `"untrusted"`.
        public var unknownIssuer: UnknownIssuer = .unchained
        /// `required-checks` — checks that must pass for a "verified" verdict, no duplicates; default
        /// every check except `documentSignerChain` (see ``unknownIssuer``).
        public var requiredChecks: [Check] = [
            .passiveAuthentication, .cloneDetection, .qrMatchesChip, .dataGroupsConsistent, .cardNotExpired,
        ]

        public init() {}
    }
}
