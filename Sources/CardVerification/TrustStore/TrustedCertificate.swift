public import Foundation

/// A CSCA certificate in the trust store and where it came from.
public struct TrustedCertificate: Sendable, Hashable {
    public enum Source: Sendable, Hashable {
        /// A certificate file (PEM/DER) in `csca/` or named with `--csca`.
        case file(URL)
        /// One entry of a master list.
        case masterList(URL)
    }

    public let certificate: X509Certificate
    public let source: Source

    public init(certificate: X509Certificate, source: Source) {
        self.certificate = certificate
        self.source = source
    }
}

/// A file the trust store skipped, and why. One bad file never stops the others from loading:
/// an admin's typo must not switch off every CSCA of the kiosk.
public struct TrustSourceProblem: Sendable, Hashable {
    public let file: URL
    public let error: TrustStoreError

    public init(file: URL, error: TrustStoreError) {
        self.file = file
        self.error = error
    }
}

/// A master list that was loaded: who signed it and how many CSCAs it contributed.
public struct MasterListSummary: Sendable, Hashable {
    public let file: URL
    public let signerSubject: String
    /// Subject of the CSCA in the list that issued the signer certificate, nil when none did.
    public let signerIssuerSubject: String?
    public let certificateCount: Int
}

/// A CRL that was loaded.
public struct RevocationListSummary: Sendable, Hashable {
    public let file: URL
    public let issuer: String
    public let nextUpdate: Date?
    public let revokedCount: Int
    /// Whether a trusted CSCA has the CRL's issuer name (otherwise it can never be used).
    public let issuerTrusted: Bool
}
