internal import COpenSSL

/// ``ICAOCryptography`` on OpenSSL 3 libcrypto with its default provider only.
///
/// Single DES is not in OpenSSL 3's default provider (it moved to the legacy provider, which
/// Debian does not load). The retail MAC therefore runs DES as 3DES with repeated keys
/// (EDE with K‖K‖K equals DES with K), so the reader works on a stock Debian configuration.
///
/// The type holds no state; every call fetches what it needs and frees it before returning.
public struct OpenSSLCrypto: ICAOCryptography {
    public init() {}

    public func hash(_ algorithm: HashAlgorithm, _ message: [UInt8]) throws -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length = 0
        guard EVP_Q_digest(nil, algorithm.rawValue, nil, message, message.count, &digest, &length) == 1 else {
            throw OpenSSLError.capture("EVP_Q_digest")
        }
        return Array(digest.prefix(length))
    }

    public func ellipticCurve(_ curve: NamedCurve) throws -> any EllipticCurve {
        try OpenSSLEllipticCurve(curve)
    }

    public func modularGroup(_ group: StandardModularGroup) throws -> any ModularGroup {
        try OpenSSLModularGroup(group)
    }
}

/// Randomness from OpenSSL's CSPRNG (seeded from the kernel's getrandom).
public struct SystemRandomSource: RandomSource {
    public init() {}

    public func randomBytes(_ count: Int) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        guard count == 0 || RAND_bytes(&bytes, Int32(count)) == 1 else {
            throw OpenSSLError.capture("RAND_bytes", reason: .randomSourceFailed)
        }
        return bytes
    }
}
