internal import COpenSSL

extension OpenSSLCrypto: PublicKeyCryptography {
    public func publicKey(subjectPublicKeyInfo der: [UInt8]) throws -> any ChipPublicKey {
        try OpenSSLPublicKey(subjectPublicKeyInfo: der)
    }

    public func derECDSASignature(plain: [UInt8]) throws -> [UInt8] {
        try ECDSASignatureEncoding.der(fromPlain: plain)
    }
}

/// A chip's public key as an OpenSSL EVP_PKEY, imported with `d2i_PUBKEY` (which understands
/// explicit EC parameters, unlike most Swift libraries).
///
/// `@unchecked Sendable`: the key is fully built in init and only read afterwards; OpenSSL
/// allows concurrent read-only use of an EVP_PKEY, and every operation makes its own context.
final class OpenSSLPublicKey: ChipPublicKey, @unchecked Sendable {
    let key: PKeyHandle
    let algorithm: ChipKeyAlgorithm
    let bits: Int

    init(subjectPublicKeyInfo der: [UInt8]) throws {
        let parsed: OpaquePointer? = der.withUnsafeBufferPointer { buffer in
            var cursor = buffer.baseAddress
            let key = d2i_PUBKEY(nil, &cursor, buffer.count)
            // Trailing bytes after the structure: not a SubjectPublicKeyInfo we trust.
            if let key, let start = buffer.baseAddress, let end = cursor, end - start != buffer.count {
                EVP_PKEY_free(key)
                return nil
            }
            return key
        }
        guard let parsed else {
            throw OpenSSLError.capture("d2i_PUBKEY", reason: .unsupportedAlgorithm)
        }
        key = PKeyHandle(owning: parsed)
        switch EVP_PKEY_get_base_id(parsed) {
        case EVP_PKEY_RSA, EVP_PKEY_RSA_PSS: algorithm = .rsa
        case EVP_PKEY_EC: algorithm = .ellipticCurve
        case EVP_PKEY_DH, EVP_PKEY_DHX: algorithm = .diffieHellman
        default: throw CryptoError(.unsupportedAlgorithm, diagnostic: "key type \(EVP_PKEY_get_base_id(parsed))")
        }
        bits = Int(EVP_PKEY_get_bits(parsed))
    }

    func rsaPublicOperation(_ signature: [UInt8]) throws -> (representative: [UInt8], complement: [UInt8]) {
        guard algorithm == .rsa else { throw CryptoError(.unsupportedAlgorithm, diagnostic: "not an RSA key") }
        let length = (bits + 7) / 8
        guard signature.count == length else {
            throw CryptoError(.invalidDataLength, diagnostic: "signature of \(signature.count) bytes for a \(bits)-bit key")
        }
        let context = try PKeyContext(key: key)
        var output = [UInt8](repeating: 0, count: length)
        var outputLength = length
        try withExtendedLifetime(context) {
            guard EVP_PKEY_verify_recover_init(context.handle) == 1,
                  EVP_PKEY_CTX_set_rsa_padding(context.handle, RSA_NO_PADDING) == 1,
                  EVP_PKEY_verify_recover(context.handle, &output, &outputLength, signature, signature.count) == 1
            else { throw OpenSSLError.capture("EVP_PKEY_verify_recover", reason: .invalidScalar) }
        }
        let representative = Array(repeating: 0, count: length - outputLength) + output.prefix(outputLength)
        let modulus = try key.bigNumberParameter("n")
        let value = try BigNumber(representative)
        let difference = try BigNumber()
        try withExtendedLifetime((modulus, value, difference)) {
            guard BN_sub(difference.handle, modulus.handle, value.handle) == 1 else { throw OpenSSLError.capture("BN_sub") }
        }
        return (representative, try difference.bytes(paddedTo: length))
    }

    func verifyECDSA(derSignature: [UInt8], message: [UInt8], hash: HashAlgorithm) throws -> Bool {
        guard algorithm == .ellipticCurve else { throw CryptoError(.unsupportedAlgorithm, diagnostic: "not an EC key") }
        guard let context = EVP_MD_CTX_new() else { throw OpenSSLError.capture("EVP_MD_CTX_new") }
        defer { EVP_MD_CTX_free(context) }
        return try withExtendedLifetime(key) {
            guard EVP_DigestVerifyInit_ex(context, nil, hash.rawValue, nil, nil, key.handle, nil) == 1 else {
                throw OpenSSLError.capture("EVP_DigestVerifyInit_ex", reason: .unsupportedAlgorithm)
            }
            let result = EVP_DigestVerify(context, derSignature, derSignature.count, message, message.count)
            // 0 is a wrong signature, negative a malformed one: both are "not valid".
            _ = OpenSSLError.capture("EVP_DigestVerify")
            return result == 1
        }
    }

    func ephemeralKeyAgreement() throws -> (publicKey: [UInt8], sharedSecret: [UInt8]) {
        guard algorithm != .rsa else { throw CryptoError(.unsupportedAlgorithm, diagnostic: "RSA keys do not agree keys") }
        let generation = try PKeyContext(key: key)
        var generated: OpaquePointer?
        try withExtendedLifetime(generation) {
            guard EVP_PKEY_keygen_init(generation.handle) == 1, EVP_PKEY_keygen(generation.handle, &generated) == 1 else {
                throw OpenSSLError.capture("EVP_PKEY_keygen")
            }
        }
        guard let generated else { throw OpenSSLError.capture("EVP_PKEY_keygen") }
        let ours = PKeyHandle(owning: generated)
        let publicKey = try ours.octetStringParameter(OSSL_PKEY_PARAM_ENCODED_PUBLIC_KEY)
        let derivation = try PKeyContext(key: ours)
        let secret: [UInt8] = try withExtendedLifetime((derivation, key)) {
            guard EVP_PKEY_derive_init(derivation.handle) == 1 else { throw OpenSSLError.capture("EVP_PKEY_derive_init") }
            if algorithm == .diffieHellman {
                // ICAO's KDF takes the DH secret padded to the length of p.
                guard EVP_PKEY_CTX_set_dh_pad(derivation.handle, 1) == 1 else { throw OpenSSLError.capture("EVP_PKEY_CTX_set_dh_pad") }
            }
            guard EVP_PKEY_derive_set_peer(derivation.handle, key.handle) == 1 else {
                throw OpenSSLError.capture("EVP_PKEY_derive_set_peer", reason: .invalidPoint)
            }
            var length = 0
            guard EVP_PKEY_derive(derivation.handle, nil, &length) == 1 else { throw OpenSSLError.capture("EVP_PKEY_derive") }
            var buffer = [UInt8](repeating: 0, count: length)
            guard EVP_PKEY_derive(derivation.handle, &buffer, &length) == 1 else { throw OpenSSLError.capture("EVP_PKEY_derive") }
            return Array(buffer.prefix(length))
        }
        return (publicKey, secret)
    }
}

/// An operation context on a key (EVP_PKEY_CTX).
final class PKeyContext {
    let handle: OpaquePointer

    init(key: PKeyHandle) throws {
        guard let handle = withExtendedLifetime(key, { EVP_PKEY_CTX_new_from_pkey(nil, key.handle, nil) }) else {
            throw OpenSSLError.capture("EVP_PKEY_CTX_new_from_pkey")
        }
        self.handle = handle
    }

    deinit { EVP_PKEY_CTX_free(handle) }
}

extension PKeyHandle {
    /// An octet-string parameter such as the encoded public key.
    func octetStringParameter(_ name: String) throws -> [UInt8] {
        var length = 0
        guard EVP_PKEY_get_octet_string_param(handle, name, nil, 0, &length) == 1 else {
            throw OpenSSLError.capture("EVP_PKEY_get_octet_string_param")
        }
        var buffer = [UInt8](repeating: 0, count: length)
        guard EVP_PKEY_get_octet_string_param(handle, name, &buffer, length, &length) == 1 else {
            throw OpenSSLError.capture("EVP_PKEY_get_octet_string_param")
        }
        return Array(buffer.prefix(length))
    }
}
