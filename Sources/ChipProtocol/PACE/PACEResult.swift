public import ICAOCrypto

/// What a successful PACE leaves behind.
public struct PACEResult: Sendable, SecretBearing {
    /// Secure messaging with the PACE session keys, counter at zero.
    public var secureMessaging: any SecureMessaging
    /// PK_IC, the chip's ephemeral public key: Chip Authentication and Terminal Authentication
    /// bind to it later (ID_IC).
    public let chipEphemeralPublicKey: [UInt8]

    static func secureMessaging(
        cipher: CipherAlgorithm, encryptionKey: [UInt8], macKey: [UInt8], crypto: any ICAOCryptography
    ) throws -> any SecureMessaging {
        switch cipher {
        case .tripleDES:
            TripleDESSecureMessaging(encryptionKey: encryptionKey, macKey: macKey, sendSequenceCounter: .zero(blockSize: 8), crypto: crypto)
        case .aes128, .aes192, .aes256:
            try AESSecureMessaging(encryptionKey: encryptionKey, macKey: macKey, crypto: crypto)
        }
    }
}
