internal import COpenSSL

/// A CMS ContentInfo of type SignedData parsed by OpenSSL: EF.SOD and ICAO master lists.
///
/// Both are CMS SignedData with a single signer whose certificate travels inside; verifying
/// them uses the same OpenSSL calls, so they share this owner of the `CMS_ContentInfo`.
final class CMSSignedData {
    let handle: OpaquePointer

    /// Why parsing stopped, kept as a plain value so each caller maps it to its own error.
    enum ParseFailure: Error {
        case unparsable(String)
        case notSignedData
    }

    /// Parses DER or BER; bytes after the ContentInfo are refused.
    init(_ bytes: [UInt8]) throws(ParseFailure) {
        let parsed: OpaquePointer? = bytes.withUnsafeBufferPointer { buffer in
            var cursor = buffer.baseAddress
            guard let cms = d2i_CMS_ContentInfo(nil, &cursor, buffer.count) else { return nil }
            guard cursor == buffer.baseAddress.map({ $0 + buffer.count }) else {
                CMS_ContentInfo_free(cms)
                return nil
            }
            return cms
        }
        guard let parsed else { throw .unparsable(OpenSSLErrors.diagnostic("d2i_CMS_ContentInfo")) }
        handle = parsed
        guard OBJ_obj2nid(CMS_get0_type(parsed)) == NID_pkcs7_signed else { throw .notSignedData }
    }

    deinit { CMS_ContentInfo_free(handle) }

    /// The eContentType in dotted form (`2.23.136.1.1.1`).
    var encapsulatedContentType: String {
        guard let type = CMS_get0_eContentType(handle) else { return "" }
        var buffer = [CChar](repeating: 0, count: 128)
        let length = OBJ_obj2txt(&buffer, Int32(buffer.count), type, 1)
        guard length > 0, Int(length) < buffer.count else { return "" }
        return String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The SignerInfos (owned by the CMS structure).
    var signerInfos: [OpaquePointer] {
        guard let stack = CMS_get0_SignerInfos(handle) else { return [] }
        return (0..<cccd_signer_info_count(stack)).compactMap { cccd_signer_info_value(stack, $0) }
    }

    /// Matches each SignerInfo with its certificate among those carried; returns the signer's
    /// certificate when there is exactly one signer and it was found.
    func locateSignerCertificate() -> X509Certificate? {
        let signers = signerInfos
        guard signers.count == 1, let signer = signers.first else { return nil }
        guard CMS_set1_signers_certs(handle, nil, 0) >= 0 else {
            _ = OpenSSLErrors.drain()
            return nil
        }
        var certificate: OpaquePointer?
        CMS_SignerInfo_get0_algs(signer, nil, &certificate, nil, nil)
        return certificate.map(X509Certificate.init(retaining:))
    }

    /// Nil when the SignerInfo's signatureAlgorithm fits the signer's key and names the same
    /// digest as digestAlgorithm; otherwise what disagrees. OpenSSL's `CMS_verify` takes the
    /// key type from the certificate and the digest from digestAlgorithm, and ignores an ECDSA
    /// signatureAlgorithm altogether, so without this a SOD could say one thing and do another.
    func signerAlgorithmMismatch(signer certificate: X509Certificate) -> String? {
        guard let signer = signerInfos.first else { return "no SignerInfo" }
        var digest: UnsafeMutablePointer<X509_ALGOR>?
        var signature: UnsafeMutablePointer<X509_ALGOR>?
        CMS_SignerInfo_get0_algs(signer, nil, nil, &digest, &signature)
        let digestNID = Self.nid(digest)
        let signatureNID = Self.nid(signature)
        let keyNID: Int32 = withExtendedLifetime(certificate) {
            X509_get0_pubkey(certificate.handle).map { EVP_PKEY_get_base_id($0) } ?? NID_undef
        }
        var hashNID: Int32 = NID_undef
        var publicKeyNID: Int32 = NID_undef
        if OBJ_find_sigid_algs(signatureNID, &hashNID, &publicKeyNID) == 1 {
            // RSASSA-PSS names its digest in its parameters (checked by OpenSSL), not its OID.
            let keyFits = publicKeyNID == keyNID || (publicKeyNID == NID_rsassaPss && keyNID == EVP_PKEY_RSA)
            guard keyFits else { return "signatureAlgorithm \(Self.name(signatureNID)) for a \(Self.name(keyNID)) key" }
            guard hashNID == NID_undef || hashNID == digestNID else {
                return "signatureAlgorithm \(Self.name(signatureNID)) with digestAlgorithm \(Self.name(digestNID))"
            }
            return nil
        }
        // Some issuers write the bare key algorithm (rsaEncryption, id-ecPublicKey).
        return signatureNID == keyNID ? nil : "signatureAlgorithm \(Self.name(signatureNID)) for a \(Self.name(keyNID)) key"
    }

    private static func nid(_ algorithm: UnsafeMutablePointer<X509_ALGOR>?) -> Int32 {
        guard let algorithm else { return NID_undef }
        var object: OpaquePointer?
        X509_ALGOR_get0(&object, nil, nil, algorithm)
        return OBJ_obj2nid(object)
    }

    private static func name(_ nid: Int32) -> String {
        OBJ_nid2sn(nid).map { String(cString: $0) } ?? "NID \(nid)"
    }

    /// `CMS_verify` without the chain: the signer's signature over the signed attributes, the
    /// contentType attribute, and the messageDigest attribute against the eContent — the
    /// certificate chain is checked separately against the trust store. Returns the eContent
    /// octets on success, or OpenSSL's reasons on failure.
    func verifySignature() -> Result<[UInt8], SignatureFailure> {
        guard let output = try? MemoryBIO() else { return .failure(SignatureFailure(diagnostic: "BIO_new")) }
        let flags = UInt32(CMS_NO_SIGNER_CERT_VERIFY | CMS_BINARY)
        guard CMS_verify(handle, nil, nil, nil, output.handle, flags) == 1 else {
            return .failure(SignatureFailure(diagnostic: OpenSSLErrors.diagnostic("CMS_verify")))
        }
        return .success(output.bytes)
    }

    /// The signer's signature over its signed attributes alone (no content digest): tells a
    /// forged signature from altered content when ``verifySignature()`` failed.
    func verifySignedAttributes() -> Bool {
        guard let signer = signerInfos.first else { return false }
        let verified = CMS_SignerInfo_verify(signer) == 1
        _ = OpenSSLErrors.drain()
        return verified
    }

    struct SignatureFailure: Error {
        var diagnostic: String
    }
}
