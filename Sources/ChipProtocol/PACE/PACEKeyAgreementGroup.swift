public import ICAOCrypto

/// The group PACE runs in, DH or ECDH, with public values as the byte strings that travel in
/// GENERAL AUTHENTICATE (an uncompressed point, or y padded to the length of p). Abstracting the
/// two lets one flow serve both — on the reader's side here, and on the chip's side in VirtualChip
/// (the mapping and key agreement are symmetric: each side combines its private key with the peer's).
public enum PACEKeyAgreementGroup: Sendable {
    case ellipticCurve(any EllipticCurve)
    case modular(any ModularGroup)

    public init(_ parameters: DomainParameters, crypto: any ICAOCryptography) throws {
        switch parameters {
        case .ellipticCurve(let name): self = .ellipticCurve(try crypto.ellipticCurve(name))
        case .modular(let name): self = .modular(try crypto.modularGroup(name))
        }
    }

    /// The tag of the public key in the authentication token's 7F49 object: 86 (point) or 84 (y).
    public var publicKeyTag: UInt32 {
        switch self {
        case .ellipticCurve: 0x86
        case .modular: 0x84
        }
    }

    public var generator: [UInt8] {
        switch self {
        case .ellipticCurve(let curve): curve.generator.uncompressedEncoding
        case .modular(let group): group.generator
        }
    }

    /// A key pair on `base` (an encoded generator): (private key, encoded public key).
    public func generateKeyPair(base: [UInt8], using random: any RandomSource) throws -> (privateKey: [UInt8], publicKey: [UInt8]) {
        switch self {
        case .ellipticCurve(let curve):
            let pair = try curve.generateKeyPair(base: try curve.decodePoint(base), using: random)
            return (pair.privateKey, pair.publicKey.uncompressedEncoding)
        case .modular(let group):
            let pair = try group.generateKeyPair(base: base, using: random)
            return (pair.privateKey, pair.publicKey)
        }
    }

    /// Checks a public key received from the peer (on the curve / in the subgroup).
    public func validatePublicKey(_ encoded: [UInt8]) throws -> [UInt8] {
        switch self {
        case .ellipticCurve(let curve): try curve.decodePoint(encoded).uncompressedEncoding
        case .modular(let group): try group.validateElement(encoded)
        }
    }

    /// The KDF input: the x-coordinate of SK·PK, or PK^SK mod p.
    public func sharedSecret(privateKey: [UInt8], peer: [UInt8]) throws -> [UInt8] {
        switch self {
        case .ellipticCurve(let curve): try curve.sharedSecret(privateKey: privateKey, peer: try curve.decodePoint(peer))
        case .modular(let group): try group.sharedSecret(privateKey: privateKey, peer: peer)
        }
    }

    public var primeBitLength: Int {
        switch self {
        case .ellipticCurve(let curve): curve.primeBitLength
        case .modular(let group): group.primeBitLength
        }
    }

    /// Integrated mapping: G̃ = f_G(R(s, t)) or g̃ = f_g(R(s, t)), from the unreduced R output.
    public func integratedMapping(randomValue: [UInt8]) throws -> [UInt8] {
        switch self {
        case .ellipticCurve(let curve): try curve.integratedMappingPoint(from: randomValue).uncompressedEncoding
        case .modular(let group): try group.integratedMappingGenerator(from: randomValue)
        }
    }

    /// Generic mapping (Doc 9303-11 §4.4.3.3.1): G̃ = s·G + H with H = SK_map,IFD · PK_map,IC,
    /// or g̃ = g^s · h with h = PK_map,IC^SK_map,IFD.
    public func genericMapping(nonce: [UInt8], privateKey: [UInt8], peerMappingKey: [UInt8]) throws -> [UInt8] {
        switch self {
        case .ellipticCurve(let curve):
            let h = try curve.multiply(try curve.decodePoint(peerMappingKey), by: privateKey)
            return try curve.add(try curve.multiply(curve.generator, by: nonce), h).uncompressedEncoding
        case .modular(let group):
            let h = try group.power(try group.validateElement(peerMappingKey), privateKey)
            return try group.multiply(try group.power(group.generator, nonce), h)
        }
    }
}
