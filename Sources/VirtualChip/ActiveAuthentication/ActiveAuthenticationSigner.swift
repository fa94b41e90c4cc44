import ICAOCrypto

/// The chip's Active Authentication signature over the terminal's challenge (Doc 9303-11 §6.1).
///
/// - RSA: ISO/IEC 9796-2 digital signature scheme 1 with partial message recovery and SHA-1
///   (trailer BC): F = 6A ‖ M1 ‖ SHA-1(M1 ‖ challenge) ‖ BC with a random M1 filling the
///   modulus, signed with the raw private operation.
/// - EC: ECDSA with SHA-256 over the challenge, plain r‖s (DG14 names ecdsa-plain-SHA256).
struct ActiveAuthenticationSigner: Sendable {
    /// The key the chip signs with: DG15's, or another one for a cloned chip.
    let key: SigningKey
    let crypto: any ICAOCryptography
    let random: any RandomSource

    func sign(challenge: [UInt8]) throws -> [UInt8] {
        switch key.algorithm {
        case .rsa(let bits):
            guard bits % 8 == 0 else { throw CryptoError(.unsupportedAlgorithm, diagnostic: "\(bits)-bit modulus") }
            let hashLength = HashAlgorithm.sha1.digestLength
            let recoverable = try random.randomBytes(bits / 8 - hashLength - 2)
            let digest = try crypto.hash(.sha1, recoverable + challenge)
            return try key.rawRSAPrivateOperation([0x6A] + recoverable + digest + [0xBC])
        case .ellipticCurve:
            return try key.ecdsaSignature(digest: try crypto.hash(.sha256, challenge))
        }
    }
}
