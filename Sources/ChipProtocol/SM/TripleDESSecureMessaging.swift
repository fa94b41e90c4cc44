public import ICAOCrypto

/// Secure messaging after BAC (or PACE-3DES): two-key 3DES-CBC with a zero IV and the ISO 9797-1
/// retail MAC, with an 8-byte counter.
public struct TripleDESSecureMessaging: SecureMessaging, SecretBearing {
    public let cipher = CipherAlgorithm.tripleDES
    public var sendSequenceCounter: SendSequenceCounter
    private let encryptionKey: [UInt8]
    private let macKey: [UInt8]
    private let crypto: any ICAOCryptography

    public init(
        encryptionKey: [UInt8], macKey: [UInt8], sendSequenceCounter: SendSequenceCounter,
        crypto: any ICAOCryptography = OpenSSLCrypto()
    ) {
        self.encryptionKey = encryptionKey
        self.macKey = macKey
        self.sendSequenceCounter = sendSequenceCounter
        self.crypto = crypto
    }

    public func encrypt(_ paddedData: [UInt8]) throws -> [UInt8] {
        try crypto.encrypt(.tripleDES, .cbcZeroIV(for: .tripleDES), key: encryptionKey, paddedData)
    }

    public func decrypt(_ cryptogram: [UInt8]) throws -> [UInt8] {
        try crypto.decrypt(.tripleDES, .cbcZeroIV(for: .tripleDES), key: encryptionKey, cryptogram)
    }

    public func mac(_ paddedInput: [UInt8]) throws -> [UInt8] {
        try crypto.retailMAC(key: macKey, paddedInput)
    }
}
