/// The finite-field groups of the PACE standard domain parameters 0–2 (RFC 5114 §2.1–2.3).
public enum StandardModularGroup: String, Sendable, Hashable, CaseIterable {
    /// 1024-bit MODP group with a 160-bit prime-order subgroup.
    case rfc5114_1024_160 = "dh_1024_160"
    /// 2048-bit MODP group with a 224-bit prime-order subgroup.
    case rfc5114_2048_224 = "dh_2048_224"
    /// 2048-bit MODP group with a 256-bit prime-order subgroup.
    case rfc5114_2048_256 = "dh_2048_256"
}

/// Arithmetic modulo p in a Diffie-Hellman group with generator g of prime order q: what PACE-DH
/// generic mapping (g̃ = g^s · h) and the ephemeral key agreement need.
///
/// Elements are big-endian byte strings padded to ``primeLength``. All methods throw ``CryptoError``.
public protocol ModularGroup: Sendable {
    var group: StandardModularGroup { get }
    /// Length in bytes of p, and so of every encoded element.
    var primeLength: Int { get }
    /// The group generator g.
    var generator: [UInt8] { get }
    /// Bit length of p (PACE Integrated Mapping sizes its pseudo-random output from it).
    var primeBitLength: Int { get }

    /// Checks a received public value: 1 < y < p−1 and y^q = 1 (it lies in the prime-order
    /// subgroup, which blocks small-subgroup attacks). Returns it padded to ``primeLength``.
    func validateElement(_ element: [UInt8]) throws -> [UInt8]

    /// base^exponent mod p.
    func power(_ base: [UInt8], _ exponent: [UInt8]) throws -> [UInt8]

    /// a · b mod p.
    func multiply(_ a: [UInt8], _ b: [UInt8]) throws -> [UInt8]

    /// f_g of PACE Integrated Mapping: `(randomValue mod p)^((p−1)/q)`, rejected if it is 1.
    func integratedMappingGenerator(from randomValue: [UInt8]) throws -> [UInt8]

    /// A private exponent uniformly in [1, q−1], drawn from `random` by rejection sampling.
    func generatePrivateKey(using random: any RandomSource) throws -> [UInt8]
}

/// A private exponent and its public value.
public struct DHKeyPair: Sendable, Hashable, SecretBearing {
    public var privateKey: [UInt8]
    public var publicKey: [UInt8]

    public init(privateKey: [UInt8], publicKey: [UInt8]) {
        self.privateKey = privateKey
        self.publicKey = publicKey
    }
}

extension ModularGroup {
    /// A fresh key pair on the generator `base` (g, or PACE's mapped g̃).
    public func generateKeyPair(base: [UInt8], using random: any RandomSource) throws -> DHKeyPair {
        let privateKey = try generatePrivateKey(using: random)
        return DHKeyPair(privateKey: privateKey, publicKey: try power(base, privateKey))
    }

    /// DH: peer^privateKey mod p, as a ``primeLength``-byte string (the KDF input).
    public func sharedSecret(privateKey: [UInt8], peer: [UInt8]) throws -> [UInt8] {
        try power(try validateElement(peer), privateKey)
    }
}
