internal import COpenSSL
public import Foundation

/// One X.509 certificate held by OpenSSL: a CSCA, a document signer or a master-list signer.
///
/// swift-certificates cannot read the explicit-curve brainpool keys of real document signers,
/// so every certificate of the verification path lives as an OpenSSL `X509` object and this
/// type exposes only what reports need, already turned into Swift values.
///
/// `@unchecked Sendable`: the `X509` is never modified after parsing; OpenSSL computes its
/// cached extension flags lazily under the object's own lock, so sharing it read-only between
/// threads is safe.
public final class X509Certificate: @unchecked Sendable {
    let handle: OpaquePointer

    /// Takes ownership of one reference to `handle`.
    init(owning handle: OpaquePointer) {
        self.handle = handle
    }

    /// Adds a reference to a certificate OpenSSL owns (one inside a CMS structure).
    convenience init(retaining handle: OpaquePointer) {
        X509_up_ref(handle)
        self.init(owning: handle)
    }

    /// Parses one DER certificate; trailing bytes are refused.
    public convenience init(der: [UInt8]) throws(TrustStoreError) {
        let parsed: OpaquePointer? = der.withUnsafeBufferPointer { buffer in
            var cursor = buffer.baseAddress
            guard let certificate = d2i_X509(nil, &cursor, buffer.count) else { return nil }
            guard cursor == buffer.baseAddress.map({ $0 + buffer.count }) else {
                X509_free(certificate)
                return nil
            }
            return certificate
        }
        guard let parsed else {
            throw TrustStoreError(.certificateUnparsable, diagnostic: OpenSSLErrors.diagnostic("d2i_X509"))
        }
        self.init(owning: parsed)
    }

    /// Every certificate in `bytes`: one DER certificate, or any number of PEM blocks.
    public static func certificates(in bytes: [UInt8]) throws(TrustStoreError) -> [X509Certificate] {
        guard PEM.isPEM(bytes) else { return [try X509Certificate(der: bytes)] }
        let certificates = try PEM.read(bytes) { bio in PEM_read_bio_X509(bio, nil, nil, nil) }
            .map(X509Certificate.init(owning:))
        guard !certificates.isEmpty else {
            throw TrustStoreError(.certificateUnparsable, diagnostic: "no CERTIFICATE block in the PEM file")
        }
        return certificates
    }

    deinit { X509_free(handle) }

    /// The DER encoding.
    public var der: [UInt8] {
        var output: UnsafeMutablePointer<UInt8>?
        let count = i2d_X509(handle, &output)
        guard count > 0, let output else { return [] }
        defer { CRYPTO_free(output, #fileID, #line) }
        return Array(UnsafeBufferPointer(start: output, count: Int(count)))
    }

    /// `CN=…, O=…, C=VN`: most specific first, as the ICAO documents and browsers write names.
    public var subject: String { DistinguishedName.text(X509_get_subject_name(handle)) }
    public var issuer: String { DistinguishedName.text(X509_get_issuer_name(handle)) }

    /// The serial number in upper-case hex.
    public var serialNumber: String {
        guard let serial = X509_get0_serialNumber(handle),
              let number = ASN1_INTEGER_to_BN(serial, nil) else { return "" }
        defer { BN_free(number) }
        guard let text = BN_bn2hex(number) else { return "" }
        defer { CRYPTO_free(text, #fileID, #line) }
        return String(cString: text)
    }

    public var notBefore: Date? { ASN1Time.date(X509_get0_notBefore(handle)) }
    public var notAfter: Date? { ASN1Time.date(X509_get0_notAfter(handle)) }

    /// Whether `date` lies within notBefore…notAfter (both inclusive of the second OpenSSL reads).
    func isValid(at date: Date) -> Bool {
        ASN1Time.compare(X509_get0_notBefore(handle), with: date) == -1
            && ASN1Time.compare(X509_get0_notAfter(handle), with: date) == 1
    }

    /// SHA-256 of the DER encoding, lower-case hex: how operators compare certificates.
    public var fingerprintSHA256: String {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        guard X509_digest(handle, EVP_sha256(), &digest, &length) == 1 else { return "" }
        return digest.prefix(Int(length)).map { String(format: "%02x", $0) }.joined()
    }

    /// The subject public key's algorithm, size and curve.
    public var publicKey: PublicKeyDescription {
        guard let key = X509_get0_pubkey(handle) else { return PublicKeyDescription(algorithm: "unknown", bits: 0) }
        return PublicKeyDescription(key)
    }

    /// The signature algorithm's OpenSSL long name, e.g. `ecdsa-with-SHA256`, `RSASSA-PSS`.
    public var signatureAlgorithm: String {
        String(cString: OBJ_nid2ln(X509_get_signature_nid(handle)))
    }

    /// basicConstraints cA (or what OpenSSL's chain building otherwise treats as a CA).
    public var isCertificateAuthority: Bool { X509_check_ca(handle) != 0 }

    /// Subject equals issuer and the key identifiers agree: a root, not a link certificate.
    public var isSelfIssued: Bool { X509_check_issued(handle, handle) == X509_V_OK }

    /// Whether a keyUsage extension is present and asserts digitalSignature — what ICAO requires
    /// of a document signer (Doc 9303-12 §7.1.1).
    public var allowsDigitalSignature: Bool {
        X509_get_extension_flags(handle) & UInt32(EXFLAG_KUSAGE) != 0
            && X509_get_key_usage(handle) & UInt32(KU_DIGITAL_SIGNATURE) != 0
    }

    /// Whether `self` (a CA) plausibly issued `certificate`: names and key identifiers match and
    /// `self` may sign certificates. The signature is not checked here.
    func mayHaveIssued(_ certificate: X509Certificate) -> Bool {
        withExtendedLifetime(certificate) { X509_check_issued(handle, certificate.handle) == X509_V_OK }
    }

    /// Whether `self`'s signature verifies with `issuer`'s public key.
    func isSigned(by issuer: X509Certificate) -> Bool {
        withExtendedLifetime(issuer) {
            guard let key = X509_get0_pubkey(issuer.handle) else { return false }
            let verified = X509_verify(handle, key) == 1
            _ = OpenSSLErrors.drain()
            return verified
        }
    }
}

extension X509Certificate: Hashable {
    public static func == (lhs: X509Certificate, rhs: X509Certificate) -> Bool {
        withExtendedLifetime((lhs, rhs)) { X509_cmp(lhs.handle, rhs.handle) == 0 }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(fingerprintSHA256)
    }
}

extension X509Certificate {
    /// The certificate as a PEM block, as the trust directory stores it.
    public var pem: String {
        guard let bio = try? MemoryBIO(), withExtendedLifetime(self, { PEM_write_bio_X509(bio.handle, handle) }) == 1 else { return "" }
        return bio.text
    }
}
