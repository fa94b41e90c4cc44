/// The block ciphers of ICAO secure messaging and PACE.
///
/// 3DES is always the two-key variant (K1‖K2‖K1) BAC and PACE-3DES derive; AES comes in the three
/// key lengths the PACE and Chip Authentication OIDs name.
public enum CipherAlgorithm: Sendable, Hashable, CaseIterable {
    case tripleDES
    case aes128
    case aes192
    case aes256

    /// Length of the keys the KDF derives for this cipher.
    public var keyLength: Int {
        switch self {
        case .tripleDES, .aes128: 16
        case .aes192: 24
        case .aes256: 32
        }
    }

    /// Cipher block length; also the boundary padding method 2 pads to.
    public var blockSize: Int {
        self == .tripleDES ? 8 : 16
    }
}

/// How a block cipher chains blocks. ICAO only needs CBC (data, nonces) and single-block ECB
/// (the AES secure-messaging IV, which is E(KS_enc, SSC)).
public enum CipherMode: Sendable, Hashable {
    case cbc(iv: [UInt8])
    case ecb

    /// CBC with an all-zero IV, as BAC, 3DES SM and PACE nonce encryption use it.
    public static func cbcZeroIV(for cipher: CipherAlgorithm) -> CipherMode {
        .cbc(iv: [UInt8](repeating: 0, count: cipher.blockSize))
    }
}
