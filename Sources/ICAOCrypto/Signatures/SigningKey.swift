internal import COpenSSL

/// The kind of a private key a chip (or a test signer) holds.
public enum SigningKeyAlgorithm: Sendable, Hashable {
    case rsa(modulusBits: Int)
    case ellipticCurve(NamedCurve)
}

/// A private key loaded from a PEM/DER file or freshly generated, for the card side of Active
/// and Chip Authentication: raw RSA for ISO/IEC 9796-2 signatures, ECDSA with plain r‖s output,
/// and the static EC key pair Chip Authentication runs ECDH with.
///
/// `@unchecked Sendable`: the wrapped `EVP_PKEY` is fully built in init and never mutated; every
/// operation creates its own `EVP_PKEY_CTX`, and OpenSSL 3 supports sharing a const key between
/// threads that way.
public final class SigningKey: @unchecked Sendable, SecretBearing {
    private let key: PKeyHandle
    public let algorithm: SigningKeyAlgorithm

    /// Reads a PKCS#8 (`PRIVATE KEY`), PKCS#1 (`RSA PRIVATE KEY`) or SEC 1 (`EC PRIVATE KEY`) PEM.
    public convenience init(pem: String) throws {
        try self.init(der: try PEMDocument(pem).der)
    }

    /// Reads DER in any of the PEM forms above.
    public convenience init(der: [UInt8]) throws {
        let handle = der.withUnsafeBufferPointer { buffer -> OpaquePointer? in
            var cursor = buffer.baseAddress
            return d2i_AutoPrivateKey(nil, &cursor, buffer.count)
        }
        guard let handle else {
            _ = OpenSSLError.capture("d2i_AutoPrivateKey")
            throw KeyFileError(.unreadable)
        }
        try self.init(PKeyHandle(owning: handle))
    }

    private init(_ key: PKeyHandle) throws {
        self.key = key
        self.algorithm = try Self.algorithm(of: key)
    }

    /// A new random key: what a cloned chip signs with instead of the genuine one.
    public static func generate(_ algorithm: SigningKeyAlgorithm) throws -> SigningKey {
        let type = if case .rsa = algorithm { "RSA" } else { "EC" }
        guard let context = EVP_PKEY_CTX_new_from_name(nil, type, nil) else { throw OpenSSLError.capture("EVP_PKEY_CTX_new_from_name") }
        defer { EVP_PKEY_CTX_free(context) }
        guard EVP_PKEY_keygen_init(context) == 1 else { throw OpenSSLError.capture("EVP_PKEY_keygen_init") }
        let configured = switch algorithm {
        case .rsa(let bits): EVP_PKEY_CTX_set_rsa_keygen_bits(context, Int32(bits))
        case .ellipticCurve(let curve): EVP_PKEY_CTX_set_group_name(context, curve.rawValue)
        }
        var generated: OpaquePointer?
        guard configured == 1, EVP_PKEY_generate(context, &generated) == 1, let generated else {
            throw OpenSSLError.capture("EVP_PKEY_generate")
        }
        return try SigningKey(PKeyHandle(owning: generated))
    }

    /// The DER SubjectPublicKeyInfo: what DG15 (and DG14's ChipAuthenticationPublicKeyInfo) carry.
    public func subjectPublicKeyInfo() throws -> [UInt8] {
        let length = i2d_PUBKEY(key.handle, nil)
        guard length > 0 else { throw OpenSSLError.capture("i2d_PUBKEY") }
        var output = [UInt8](repeating: 0, count: Int(length))
        let written = output.withUnsafeMutableBufferPointer { buffer -> Int32 in
            var cursor = buffer.baseAddress
            return i2d_PUBKEY(key.handle, &cursor)
        }
        guard written == length else { throw OpenSSLError.capture("i2d_PUBKEY") }
        return output
    }

    /// m^d mod n for an RSA key: ISO/IEC 9796-2 builds the message representative itself, so the
    /// private operation must run without any padding. `message` must be as long as the modulus.
    public func rawRSAPrivateOperation(_ message: [UInt8]) throws -> [UInt8] {
        guard case .rsa(let bits) = algorithm else { throw CryptoError(.unsupportedAlgorithm, diagnostic: "not an RSA key") }
        guard message.count == (bits + 7) / 8 else {
            throw CryptoError(.invalidDataLength, diagnostic: "\(message.count) bytes for a \(bits)-bit modulus")
        }
        return try withOperation(EVP_PKEY_decrypt_init) { context in
            guard EVP_PKEY_CTX_set_rsa_padding(context, RSA_NO_PADDING) == 1 else {
                throw OpenSSLError.capture("EVP_PKEY_CTX_set_rsa_padding")
            }
            var length = message.count
            var output = [UInt8](repeating: 0, count: length)
            guard EVP_PKEY_decrypt(context, &output, &length, message, message.count) == 1 else {
                throw OpenSSLError.capture("EVP_PKEY_decrypt")
            }
            return Array(output.prefix(length))
        }
    }

    /// ECDSA over `digest` (already hashed), returned as plain r‖s with each half as long as the
    /// group order (BSI TR-03111 §5.2.2, the form Active Authentication uses).
    public func ecdsaSignature(digest: [UInt8]) throws -> [UInt8] {
        guard case .ellipticCurve = algorithm else { throw CryptoError(.unsupportedAlgorithm, diagnostic: "not an EC key") }
        let orderLength = (Int(EVP_PKEY_get_bits(key.handle)) + 7) / 8
        let der = try withOperation(EVP_PKEY_sign_init) { context in
            var length = 0
            guard EVP_PKEY_sign(context, nil, &length, digest, digest.count) == 1 else { throw OpenSSLError.capture("EVP_PKEY_sign") }
            var output = [UInt8](repeating: 0, count: length)
            guard EVP_PKEY_sign(context, &output, &length, digest, digest.count) == 1 else { throw OpenSSLError.capture("EVP_PKEY_sign") }
            return Array(output.prefix(length))
        }
        return try Self.plainSignature(fromDER: der, halfLength: orderLength)
    }

    /// The private scalar and public point of an EC key, for Chip Authentication's ECDH.
    public func ellipticCurveKeyPair() throws -> (curve: NamedCurve, keyPair: ECKeyPair) {
        guard case .ellipticCurve(let curve) = algorithm else { throw CryptoError(.unsupportedAlgorithm, diagnostic: "not an EC key") }
        let length = try OpenSSLEllipticCurve(curve).coordinateLength
        let scalar = try key.bigNumberParameter(OSSL_PKEY_PARAM_PRIV_KEY)
        let x = try key.bigNumberParameter(OSSL_PKEY_PARAM_EC_PUB_X)
        let y = try key.bigNumberParameter(OSSL_PKEY_PARAM_EC_PUB_Y)
        let pair = ECKeyPair(
            privateKey: try scalar.bytes(paddedTo: scalar.byteCount),
            publicKey: ECPoint(x: try x.bytes(paddedTo: length), y: try y.bytes(paddedTo: length))
        )
        return (curve, pair)
    }

    private func withOperation<T>(_ initialise: (OpaquePointer?) -> Int32, _ body: (OpaquePointer) throws -> T) throws -> T {
        guard let context = EVP_PKEY_CTX_new_from_pkey(nil, key.handle, nil) else {
            throw OpenSSLError.capture("EVP_PKEY_CTX_new_from_pkey")
        }
        defer { EVP_PKEY_CTX_free(context) }
        guard initialise(context) == 1 else { throw OpenSSLError.capture("EVP_PKEY operation init") }
        return try body(context)
    }

    private static func plainSignature(fromDER der: [UInt8], halfLength: Int) throws -> [UInt8] {
        let signature = der.withUnsafeBufferPointer { buffer -> OpaquePointer? in
            var cursor = buffer.baseAddress
            return d2i_ECDSA_SIG(nil, &cursor, buffer.count)
        }
        guard let signature else { throw OpenSSLError.capture("d2i_ECDSA_SIG") }
        defer { ECDSA_SIG_free(signature) }
        var r = [UInt8](repeating: 0, count: halfLength)
        var s = [UInt8](repeating: 0, count: halfLength)
        guard BN_bn2binpad(ECDSA_SIG_get0_r(signature), &r, Int32(halfLength)) == Int32(halfLength),
              BN_bn2binpad(ECDSA_SIG_get0_s(signature), &s, Int32(halfLength)) == Int32(halfLength)
        else { throw OpenSSLError.capture("BN_bn2binpad") }
        return r + s
    }

    private static func algorithm(of key: PKeyHandle) throws -> SigningKeyAlgorithm {
        if EVP_PKEY_is_a(key.handle, "RSA") == 1 {
            return .rsa(modulusBits: Int(EVP_PKEY_get_bits(key.handle)))
        }
        guard EVP_PKEY_is_a(key.handle, "EC") == 1 else { throw KeyFileError(.unsupportedKeyType) }
        var name = [CChar](repeating: 0, count: 80)
        var length = 0
        guard EVP_PKEY_get_utf8_string_param(key.handle, OSSL_PKEY_PARAM_GROUP_NAME, &name, name.count, &length) == 1 else {
            throw KeyFileError(.unsupportedKeyType, diagnostic: "EC key without a named curve")
        }
        let shortName = String(decoding: name.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let curve = NamedCurve(rawValue: shortName) ?? NamedCurve.allCases.first(where: { "\($0)" == shortName }) else {
            throw KeyFileError(.unsupportedKeyType, diagnostic: shortName)
        }
        return .ellipticCurve(curve)
    }
}
