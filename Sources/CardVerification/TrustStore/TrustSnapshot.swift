internal import COpenSSL
public import Foundation

/// One immutable state of the trust store: the trusted CSCAs, the CRLs, and an OpenSSL
/// `X509_STORE` built from them.
///
/// A reload builds a new snapshot and swaps it in whole, so a verification in flight keeps the
/// snapshot it started with and never sees a half-loaded directory.
///
/// `@unchecked Sendable`: nothing is added to the `X509_STORE` after ``load(_:)`` returns, and
/// OpenSSL serialises its own lookups into a store with the store's lock, so many
/// `X509_STORE_CTX` verifications may share it from different threads.
public final class TrustSnapshot: @unchecked Sendable {
    /// Each trusted CSCA once (duplicates across files and lists are dropped), in load order.
    public let certificates: [TrustedCertificate]
    public let masterLists: [MasterListSummary]
    public let revocationLists: [RevocationListSummary]
    /// Files that were skipped, with the reason.
    public let problems: [TrustSourceProblem]
    /// The directory was configured but does not exist (not an error: no CSCA is trusted).
    public let directoryMissing: Bool
    public let loadedAt: Date

    let crls: [RevocationList]
    let store: OpaquePointer

    private init(certificates: [TrustedCertificate], masterLists: [MasterListSummary], crls: [(RevocationList, URL)],
                 problems: [TrustSourceProblem], directoryMissing: Bool) throws(TrustStoreError) {
        guard let store = X509_STORE_new() else {
            throw TrustStoreError(.openSSLFailure, diagnostic: OpenSSLErrors.diagnostic("X509_STORE_new"))
        }
        self.store = store
        for trusted in certificates {
            withExtendedLifetime(trusted.certificate) { _ = X509_STORE_add_cert(store, trusted.certificate.handle) }
        }
        for (crl, _) in crls {
            withExtendedLifetime(crl) { _ = X509_STORE_add_crl(store, crl.handle) }
        }
        _ = OpenSSLErrors.drain()
        self.certificates = certificates
        self.masterLists = masterLists
        self.crls = crls.map(\.0)
        self.revocationLists = crls.map { crl, file in
            RevocationListSummary(file: file, issuer: crl.issuer, nextUpdate: crl.nextUpdate, revokedCount: crl.revokedCount,
                                  issuerTrusted: certificates.contains { crl.isIssued(by: $0.certificate) })
        }
        self.problems = problems
        self.directoryMissing = directoryMissing
        self.loadedAt = Date()
    }

    deinit { X509_STORE_free(store) }

    /// A snapshot that trusts nothing.
    public static func empty() throws(TrustStoreError) -> TrustSnapshot {
        try TrustSnapshot(certificates: [], masterLists: [], crls: [], problems: [], directoryMissing: false)
    }

    /// Loads every source. Files that fail are listed in ``problems`` and skipped whole: a master
    /// list whose signature does not verify contributes no CSCA at all, a PEM file with one bad
    /// block contributes none of its certificates.
    public static func load(_ sources: TrustSources) throws(TrustStoreError) -> TrustSnapshot {
        let files = sources.resolved()
        var certificates: [TrustedCertificate] = []
        var seen = Set<String>()
        var problems: [TrustSourceProblem] = []
        var masterLists: [MasterListSummary] = []
        func add(_ certificate: X509Certificate, _ source: TrustedCertificate.Source) {
            if seen.insert(certificate.fingerprintSHA256).inserted {
                certificates.append(TrustedCertificate(certificate: certificate, source: source))
            }
        }
        for file in files.csca {
            do throws(TrustStoreError) {
                let loaded = try X509Certificate.certificates(in: try read(file))
                if let notCA = loaded.first(where: { !$0.isCertificateAuthority }) {
                    throw TrustStoreError(.notACertificateAuthority, diagnostic: notCA.subject)
                }
                loaded.forEach { add($0, .file(file)) }
            } catch {
                problems.append(TrustSourceProblem(file: file, error: error))
            }
        }
        for file in files.masterLists {
            do throws(TrustStoreError) {
                let list = try MasterList(encoded: try read(file))
                list.certificates.forEach { add($0, .masterList(file)) }
                masterLists.append(MasterListSummary(file: file, signerSubject: list.signer.subject,
                                                     signerIssuerSubject: list.signerIssuer?.subject,
                                                     certificateCount: list.certificates.count))
            } catch {
                problems.append(TrustSourceProblem(file: file, error: error))
            }
        }
        var crls: [(RevocationList, URL)] = []
        for file in files.crls {
            do throws(TrustStoreError) {
                crls += try RevocationList.revocationLists(in: try read(file)).map { ($0, file) }
            } catch {
                problems.append(TrustSourceProblem(file: file, error: error))
            }
        }
        return try TrustSnapshot(certificates: certificates, masterLists: masterLists, crls: crls,
                                 problems: problems, directoryMissing: files.missingDirectory)
    }

    private static func read(_ file: URL) throws(TrustStoreError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw TrustStoreError(.fileUnreadable, diagnostic: file.path)
        }
        return [UInt8](data)
    }

    /// The trusted CSCAs that plausibly issued `certificate` (names and key identifiers match).
    func candidateIssuers(of certificate: X509Certificate) -> [X509Certificate] {
        certificates.map(\.certificate).filter { $0.mayHaveIssued(certificate) }
    }

    /// The loaded CRLs published under `certificate`'s issuer name.
    func revocationLists(coveringIssuerOf certificate: X509Certificate) -> [RevocationList] {
        crls.filter { $0.covers(issuerOf: certificate) }
    }
}
