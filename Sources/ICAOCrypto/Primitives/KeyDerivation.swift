/// The ICAO 9303 key derivation function and the counters it is used with.
public enum KeyDerivationCounter: UInt32, Sendable {
    /// c = 1: encryption key (K_enc, KS_enc).
    case encryption = 1
    /// c = 2: MAC key (K_mac, KS_mac).
    case mac = 2
    /// c = 3: PACE password key K_π.
    case password = 3
}

extension ICAOCryptography {
    /// KDF(K, c) = H(K ‖ c) truncated to the cipher's key length (Doc 9303-11 §9.7.1).
    ///
    /// SHA-1 serves 3DES and AES-128, SHA-256 serves AES-192/256. 3DES keys get their DES parity
    /// bits adjusted: OpenSSL ignores them, but chips and other readers compare keys with parity set,
    /// and the standard's worked examples print them that way.
    public func deriveKey(
        from sharedSecret: [UInt8], counter: KeyDerivationCounter, for cipher: CipherAlgorithm
    ) throws -> [UInt8] {
        let c = counter.rawValue
        let input = sharedSecret + [UInt8(c >> 24), UInt8((c >> 16) & 0xFF), UInt8((c >> 8) & 0xFF), UInt8(c & 0xFF)]
        switch cipher {
        case .tripleDES:
            return DESParity.adjusted(Array(try hash(.sha1, input).prefix(16)))
        case .aes128:
            return Array(try hash(.sha1, input).prefix(16))
        case .aes192:
            return Array(try hash(.sha256, input).prefix(24))
        case .aes256:
            return try hash(.sha256, input)
        }
    }
}

/// DES keys carry odd parity in the low bit of every byte.
public enum DESParity {
    public static func adjusted(_ key: [UInt8]) -> [UInt8] {
        key.map { byte in
            let upper = byte & 0xFE
            return upper.nonzeroBitCount % 2 == 0 ? upper | 0x01 : upper
        }
    }
}
