public import ICAOCrypto

/// The terminal's half of the BAC challenge-response (Doc 9303-11 §9.7.3, App. D.3), as pure
/// functions of the chip's challenge and the terminal's random choices, so the standard's worked
/// example can be reproduced exactly.
public struct BACMutualAuthentication: Sendable, SecretBearing {
    public let keys: BACKeys
    /// RND.IC, the chip's 8-byte GET CHALLENGE answer.
    public let chipChallenge: [UInt8]
    /// RND.IFD (8 bytes) and K.IFD (16 bytes), the terminal's random choices.
    public let terminalChallenge: [UInt8]
    public let terminalKeyMaterial: [UInt8]
    private let crypto: any ICAOCryptography

    public init(
        keys: BACKeys, chipChallenge: [UInt8], terminalChallenge: [UInt8], terminalKeyMaterial: [UInt8],
        crypto: any ICAOCryptography = OpenSSLCrypto()
    ) throws {
        guard chipChallenge.count == 8 else {
            throw BACError(.invalidChipResponse, diagnostic: "GET CHALLENGE returned \(chipChallenge.count) bytes")
        }
        guard terminalChallenge.count == 8, terminalKeyMaterial.count == 16 else {
            throw CryptoError(.randomSourceFailed, diagnostic: "RND.IFD/K.IFD of the wrong length")
        }
        self.keys = keys
        self.chipChallenge = chipChallenge
        self.terminalChallenge = terminalChallenge
        self.terminalKeyMaterial = terminalKeyMaterial
        self.crypto = crypto
    }

    /// E_IFD ‖ M_IFD: S = RND.IFD ‖ RND.IC ‖ K.IFD encrypted with K_enc, then MACed with K_mac.
    public func commandData() throws -> [UInt8] {
        let cryptogram = try crypto.encrypt(
            .tripleDES, .cbcZeroIV(for: .tripleDES), key: keys.encryptionKey,
            terminalChallenge + chipChallenge + terminalKeyMaterial
        )
        return cryptogram + (try crypto.retailMAC(key: keys.macKey, Padding.pad(cryptogram, blockSize: 8)))
    }

    /// Verifies E_IC ‖ M_IC, checks that the chip echoed both challenges, and derives the session
    /// keys from K.IFD ⊕ K.IC.
    public func sessionKeys(fromChipResponse response: [UInt8]) throws -> BACSessionKeys {
        guard response.count == 40 else {
            throw BACError(.invalidChipResponse, diagnostic: "MUTUAL AUTHENTICATE returned \(response.count) bytes")
        }
        let cryptogram = Array(response.prefix(32))
        let mac = try crypto.retailMAC(key: keys.macKey, Padding.pad(cryptogram, blockSize: 8))
        guard SecureMessagingChecks.constantTimeEqual(mac, Array(response.suffix(8))) else {
            throw BACError(.invalidChipResponse, diagnostic: "M_IC does not verify")
        }
        let plain = try crypto.decrypt(.tripleDES, .cbcZeroIV(for: .tripleDES), key: keys.encryptionKey, cryptogram)
        // R = RND.IC ‖ RND.IFD ‖ K.IC
        guard Array(plain[0..<8]) == chipChallenge, Array(plain[8..<16]) == terminalChallenge else {
            throw BACError(.challengeMismatch)
        }
        let seed = zip(terminalKeyMaterial, plain[16..<32]).map { $0 ^ $1 }
        return BACSessionKeys(
            encryptionKey: try crypto.deriveKey(from: seed, counter: .encryption, for: .tripleDES),
            macKey: try crypto.deriveKey(from: seed, counter: .mac, for: .tripleDES),
            sendSequenceCounter: SendSequenceCounter(bytes: Array(chipChallenge.suffix(4) + terminalChallenge.suffix(4)))
        )
    }
}
