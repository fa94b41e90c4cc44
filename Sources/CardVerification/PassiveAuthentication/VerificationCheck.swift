/// One individual check of a card's verification, as a kiosk shows it and an auditor counts it.
///
/// Passive Authentication produces the SOD, data-group and document-signer checks; Active and
/// Chip Authentication and the cross-checks add theirs to the same list for the verdict.
/// ``detail`` explains a status in the operator's terms and never contains personal data — it
/// names files, algorithms, certificate authorities and OpenSSL reasons, never field values.
public struct VerificationCheck: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case passed
        case failed
        /// The card uses something this reader cannot check (an unknown algorithm).
        case notSupported
        /// The check could not run: its input is missing or an earlier check already failed.
        case notRun
    }

    /// A stable dotted name (`sod.signature`, `dg.hash.DG13`) that reports and audits count.
    public var name: String
    public var status: Status
    public var detail: String?

    public init(_ name: String, _ status: Status, detail: String? = nil) {
        self.name = name
        self.status = status
        self.detail = detail
    }
}

extension VerificationCheck {
    /// The names of the checks Passive Authentication reports, in the order it runs them.
    public enum Name {
        /// EF.SOD parses as a CMS SignedData with one signer whose certificate is inside.
        public static let sodStructure = "sod.structure"
        /// eContentType and the signed contentType attribute are id-ldsSecurityObject.
        public static let sodContentType = "sod.contentType"
        /// The document signer's signature over the signed attributes.
        public static let sodSignature = "sod.signature"
        /// The messageDigest attribute equals the hash of the LDS security object.
        public static let sodMessageDigest = "sod.messageDigest"
        /// `dg.hash.DG1`…: a data group read from the chip matches its hash in the SOD.
        public static func dataGroupHash(_ name: String) -> String { "dg.hash.\(name)" }
        /// The document signer certificate chains to a trusted CSCA.
        public static let signerChain = "documentSigner.chain"
        /// The document signer certificate's keyUsage allows digitalSignature.
        public static let signerKeyUsage = "documentSigner.keyUsage"
        /// The document signer is not on its CSCA's CRL (run only when that CRL is loaded).
        public static let signerRevocation = "documentSigner.revocation"
        /// The signer certificate (and its CSCA when chained) was valid when the SOD was signed.
        public static let signerValidityAtSigning = "documentSigner.validityAtSigning"
        /// The signer certificate (and its CSCA when chained) is valid now.
        public static let signerValidityNow = "documentSigner.validityNow"
    }
}
