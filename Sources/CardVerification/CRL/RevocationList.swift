internal import COpenSSL
public import Foundation

/// A certificate revocation list issued by a CSCA (Doc 9303-12 §7.1.4), DER or PEM.
///
/// CSCAs publish CRLs that revoke document signers whose keys leaked. The trust store only
/// holds them; OpenSSL checks a document signer against the CRL of its issuer during
/// `X509_verify_cert`, including the CRL's own signature by that CSCA.
///
/// `@unchecked Sendable`: the `X509_CRL` is never modified after parsing (OpenSSL caches its
/// extensions under its own lock), so read-only sharing between threads is safe.
public final class RevocationList: @unchecked Sendable {
    let handle: OpaquePointer

    init(owning handle: OpaquePointer) {
        self.handle = handle
    }

    deinit { X509_CRL_free(handle) }

    /// Every CRL in `bytes`: one DER CRL or any number of PEM `X509 CRL` blocks.
    public static func revocationLists(in bytes: [UInt8]) throws(TrustStoreError) -> [RevocationList] {
        if PEM.isPEM(bytes) {
            let lists = try PEM.read(bytes) { bio in PEM_read_bio_X509_CRL(bio, nil, nil, nil) }.map(RevocationList.init(owning:))
            guard !lists.isEmpty else { throw TrustStoreError(.crlUnparsable, diagnostic: "no X509 CRL block in the PEM file") }
            return lists
        }
        let parsed: OpaquePointer? = bytes.withUnsafeBufferPointer { buffer in
            var cursor = buffer.baseAddress
            guard let list = d2i_X509_CRL(nil, &cursor, buffer.count) else { return nil }
            guard cursor == buffer.baseAddress.map({ $0 + buffer.count }) else {
                X509_CRL_free(list)
                return nil
            }
            return list
        }
        guard let parsed else { throw TrustStoreError(.crlUnparsable, diagnostic: OpenSSLErrors.diagnostic("d2i_X509_CRL")) }
        return [RevocationList(owning: parsed)]
    }

    public var issuer: String { DistinguishedName.text(X509_CRL_get_issuer(handle)) }
    public var lastUpdate: Date? { ASN1Time.date(X509_CRL_get0_lastUpdate(handle)) }
    public var nextUpdate: Date? { ASN1Time.date(X509_CRL_get0_nextUpdate(handle)) }

    /// How many certificates the list revokes.
    public var revokedCount: Int {
        guard let revoked = X509_CRL_get_REVOKED(handle) else { return 0 }
        return Int(OPENSSL_sk_num(revoked))
    }

    /// Whether the list is past its nextUpdate at `date`: OpenSSL then refuses to rely on it.
    public func isStale(at date: Date) -> Bool {
        guard let next = X509_CRL_get0_nextUpdate(handle) else { return false }
        return ASN1Time.compare(next, with: date) == -1
    }

    /// Whether `certificate` (a CA) is the issuer this list names.
    func isIssued(by certificate: X509Certificate) -> Bool {
        withExtendedLifetime(certificate) {
            X509_NAME_cmp(X509_CRL_get_issuer(handle), X509_get_subject_name(certificate.handle)) == 0
        }
    }

    /// Whether this list covers certificates issued under `issuerName`.
    func covers(issuerOf certificate: X509Certificate) -> Bool {
        withExtendedLifetime(certificate) {
            X509_NAME_cmp(X509_CRL_get_issuer(handle), X509_get_issuer_name(certificate.handle)) == 0
        }
    }
}
