import ICAOCrypto

/// The group the chip runs PACE in, ECDH or DH, with public values as the byte strings that
/// travel in GENERAL AUTHENTICATE (`04‖x‖y`, or y padded to the length of p).
///
/// The reader has the same abstraction (ChipProtocol's internal `PACEKeyAgreementGroup`); if it
/// becomes public, this type can go.
enum ChipKeyAgreementGroup: Sendable {
    case ellipticCurve(any EllipticCurve)
    case modular(any ModularGroup)

    init(_ parameters: DomainParameters, crypto: any ICAOCryptography) throws {
        switch parameters {
        case .ellipticCurve(let name): self = .ellipticCurve(try crypto.ellipticCurve(name))
        case .modular(let name): self = .modular(try crypto.modularGroup(name))
        }
    }

    /// 86 (EC point) or 84 (DH value) inside the authentication token's 7F49.
    var publicKeyTag: UInt32 {
        if case .ellipticCurve = self { 0x86 } else { 0x84 }
    }

    var primeBitLength: Int {
        switch self {
        case .ellipticCurve(let curve): curve.primeBitLength
        case .modular(let group): group.primeBitLength
        }
    }

    var generator: [UInt8] {
        switch self {
        case .ellipticCurve(let curve): curve.generator.uncompressedEncoding
        case .modular(let group): group.generator
        }
    }

    /// (private key, encoded public key) on the encoded generator `base`.
    func keyPair(base: [UInt8], random: any RandomSource) throws -> (privateKey: [UInt8], publicKey: [UInt8]) {
        switch self {
        case .ellipticCurve(let curve):
            let pair = try curve.generateKeyPair(base: try curve.decodePoint(base), using: random)
            return (pair.privateKey, pair.publicKey.uncompressedEncoding)
        case .modular(let group):
            let pair = try group.generateKeyPair(base: base, using: random)
            return (pair.privateKey, pair.publicKey)
        }
    }

    /// The KDF input from our private key and the terminal's (validated) public value.
    func sharedSecret(privateKey: [UInt8], terminalKey: [UInt8]) throws -> [UInt8] {
        switch self {
        case .ellipticCurve(let curve): try curve.sharedSecret(privateKey: privateKey, peer: try curve.decodePoint(terminalKey))
        case .modular(let group): try group.sharedSecret(privateKey: privateKey, peer: terminalKey)
        }
    }

    /// Generic mapping from the chip's side: G̃ = s·G + SK_map,IC·PK_map,IFD (or g^s · h).
    func genericMapping(nonce: [UInt8], privateKey: [UInt8], terminalMappingKey: [UInt8]) throws -> [UInt8] {
        switch self {
        case .ellipticCurve(let curve):
            let h = try curve.multiply(try curve.decodePoint(terminalMappingKey), by: privateKey)
            return try curve.add(try curve.multiply(curve.generator, by: nonce), h).uncompressedEncoding
        case .modular(let group):
            let h = try group.power(try group.validateElement(terminalMappingKey), privateKey)
            return try group.multiply(try group.power(group.generator, nonce), h)
        }
    }

    /// Integrated mapping: the generator f(R(s, t)).
    func integratedMapping(randomValue: [UInt8]) throws -> [UInt8] {
        switch self {
        case .ellipticCurve(let curve): try curve.integratedMappingPoint(from: randomValue).uncompressedEncoding
        case .modular(let group): try group.integratedMappingGenerator(from: randomValue)
        }
    }
}
