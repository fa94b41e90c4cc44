public import ICAOCrypto

/// The pseudo-random function R(s, t) of PACE Integrated Mapping (Doc 9303-11 §4.4.3.3.2).
///
/// k₀ = E(t, s); then for i = 0…n−1: xᵢ = E(kᵢ, c₁) and kᵢ₊₁ = E(kᵢ, c₀), keys truncated to the
/// cipher's key length, E in CBC mode with a zero IV. The output x₀‖…‖xₙ₋₁ has n·l ≥ log₂p + 64
/// bits so that reducing it mod p is close to uniform; the group's f_G / f_g does the reduction.
public enum IntegratedMapping {
    /// Constants c₀, c₁ for l = 128 (3DES, AES-128) and l = 256 (AES-192/256).
    static let constants128 = (
        c0: [UInt8](hexString: "a668892a7c41e3ca739f40b057d85904") ?? [],
        c1: [UInt8](hexString: "a4e136ac725f738b01c1f60217c188ad") ?? []
    )
    static let constants256 = (
        c0: [UInt8](hexString: "d463d65234124ef7897054986dca0a174e28df758cbaa03f240616414d5a1676") ?? [],
        c1: [UInt8](hexString: "54bd7255f0aaf831bec3423fcf39d69b6cbf066677d0faae5aadd99df8e53517") ?? []
    )

    /// R(s, t) before reduction mod p. `nonce` is the chip's s (l bits), `terminalNonce` the
    /// terminal's t (one key length).
    public static func pseudoRandomOutput(
        nonce: [UInt8], terminalNonce: [UInt8], cipher: CipherAlgorithm, primeBitLength: Int,
        crypto: any ICAOCryptography
    ) throws -> [UInt8] {
        let constants: (c0: [UInt8], c1: [UInt8])
        switch nonce.count {
        case 16: constants = constants128
        case 32: constants = constants256
        default: throw PACEError(.invalidChipResponse, diagnostic: "integrated-mapping nonce of \(nonce.count) bytes")
        }
        let bits = nonce.count * 8
        let blocks = (primeBitLength + 64 + bits - 1) / bits
        let encrypt = { (key: [UInt8], data: [UInt8]) in
            try crypto.encrypt(cipher, .cbcZeroIV(for: cipher), key: Array(key.prefix(cipher.keyLength)), data)
        }
        var key = try encrypt(terminalNonce, nonce)
        var output: [UInt8] = []
        for _ in 0..<blocks {
            output += try encrypt(key, constants.c1)
            key = try encrypt(key, constants.c0)
        }
        return output
    }
}
