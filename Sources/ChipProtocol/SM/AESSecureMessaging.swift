public import ICAOCrypto

/// Secure messaging after PACE or Chip Authentication with AES (Doc 9303-11 §9.8.6.2):
/// AES-CBC whose IV is E(KS_enc, SSC) for the current counter value, and AES-CMAC truncated to
/// 8 bytes, with a 16-byte counter.
public struct AESSecureMessaging: SecureMessaging, SecretBearing {
    public let cipher: CipherAlgorithm
    public var sendSequenceCounter: SendSequenceCounter
    private let encryptionKey: [UInt8]
    private let macKey: [UInt8]
    private let crypto: any ICAOCryptography

    /// `cipher` is inferred from the key length (16, 24 or 32 bytes); the counter starts at zero
    /// unless given.
    public init(
        encryptionKey: [UInt8], macKey: [UInt8],
        sendSequenceCounter: SendSequenceCounter = .zero(blockSize: 16),
        crypto: any ICAOCryptography = OpenSSLCrypto()
    ) throws {
        switch encryptionKey.count {
        case 16: cipher = .aes128
        case 24: cipher = .aes192
        case 32: cipher = .aes256
        default: throw CryptoError(.invalidKeyLength, diagnostic: "\(encryptionKey.count)-byte AES session key")
        }
        self.encryptionKey = encryptionKey
        self.macKey = macKey
        self.sendSequenceCounter = sendSequenceCounter
        self.crypto = crypto
    }

    public func encrypt(_ paddedData: [UInt8]) throws -> [UInt8] {
        try crypto.encrypt(cipher, .cbc(iv: try initializationVector()), key: encryptionKey, paddedData)
    }

    public func decrypt(_ cryptogram: [UInt8]) throws -> [UInt8] {
        try crypto.decrypt(cipher, .cbc(iv: try initializationVector()), key: encryptionKey, cryptogram)
    }

    public func mac(_ paddedInput: [UInt8]) throws -> [UInt8] {
        Array(try crypto.cmac(key: macKey, paddedInput).prefix(8))
    }

    /// IV = AES-ECB(KS_enc, SSC): unpredictable per message without sending it.
    private func initializationVector() throws -> [UInt8] {
        try crypto.encrypt(cipher, .ecb, key: encryptionKey, sendSequenceCounter.bytes)
    }
}
