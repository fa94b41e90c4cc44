public import ICAOCrypto

/// The document basic access keys K_enc and K_mac (Doc 9303-11 §9.7.2, App. D.2).
public struct BACKeys: Sendable, Hashable, SecretBearing {
    /// K_seed: the first 16 bytes of SHA-1(MRZ information).
    public let seed: [UInt8]
    public let encryptionKey: [UInt8]
    public let macKey: [UInt8]

    public init(mrz: MRZInformation, crypto: any ICAOCryptography = OpenSSLCrypto()) throws {
        seed = Array(try crypto.hash(.sha1, Array(mrz.value.utf8)).prefix(16))
        encryptionKey = try crypto.deriveKey(from: seed, counter: .encryption, for: .tripleDES)
        macKey = try crypto.deriveKey(from: seed, counter: .mac, for: .tripleDES)
    }
}

/// What BAC establishes: 3DES session keys and the initial send sequence counter.
public struct BACSessionKeys: Sendable, Hashable, SecretBearing {
    public let encryptionKey: [UInt8]
    public let macKey: [UInt8]
    /// RND.IC[4..7] ‖ RND.IFD[4..7].
    public let sendSequenceCounter: SendSequenceCounter

    public func secureMessaging(crypto: any ICAOCryptography = OpenSSLCrypto()) -> TripleDESSecureMessaging {
        TripleDESSecureMessaging(encryptionKey: encryptionKey, macKey: macKey, sendSequenceCounter: sendSequenceCounter, crypto: crypto)
    }
}
