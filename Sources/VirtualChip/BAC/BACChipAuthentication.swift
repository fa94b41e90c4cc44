import ChipProtocol
import ICAOCrypto

/// The chip's half of the BAC challenge-response (Doc 9303-11 §9.7.3): check the terminal's
/// cryptogram E_IFD ‖ M_IFD against the document basic access keys, answer E_IC ‖ M_IC, and
/// derive the 3DES session keys from K.IFD ⊕ K.IC.
struct BACChipAuthentication {
    let keys: BACKeys
    let crypto: any ICAOCryptography

    /// The answer and the session, or `nil` when the terminal does not hold the keys (6300).
    func respond(
        to commandData: [UInt8], chipChallenge: [UInt8], chipKeyMaterial: [UInt8]
    ) throws -> (answer: [UInt8], secureMessaging: TripleDESSecureMessaging)? {
        guard commandData.count == 40 else { return nil }
        let cryptogram = Array(commandData.prefix(32))
        let mac = try crypto.retailMAC(key: keys.macKey, Padding.pad(cryptogram, blockSize: 8))
        guard mac == Array(commandData.suffix(8)) else { return nil }
        // S = RND.IFD ‖ RND.IC ‖ K.IFD
        let plain = try crypto.decrypt(.tripleDES, .cbcZeroIV(for: .tripleDES), key: keys.encryptionKey, cryptogram)
        let terminalChallenge = Array(plain[0..<8])
        guard Array(plain[8..<16]) == chipChallenge else { return nil }
        let terminalKeyMaterial = Array(plain[16..<32])

        // R = RND.IC ‖ RND.IFD ‖ K.IC
        let answerCryptogram = try crypto.encrypt(
            .tripleDES, .cbcZeroIV(for: .tripleDES), key: keys.encryptionKey,
            chipChallenge + terminalChallenge + chipKeyMaterial
        )
        let answerMAC = try crypto.retailMAC(key: keys.macKey, Padding.pad(answerCryptogram, blockSize: 8))
        let seed = zip(terminalKeyMaterial, chipKeyMaterial).map { $0 ^ $1 }
        let session = TripleDESSecureMessaging(
            encryptionKey: try crypto.deriveKey(from: seed, counter: .encryption, for: .tripleDES),
            macKey: try crypto.deriveKey(from: seed, counter: .mac, for: .tripleDES),
            sendSequenceCounter: SendSequenceCounter(bytes: Array(chipChallenge.suffix(4) + terminalChallenge.suffix(4))),
            crypto: crypto
        )
        return (answerCryptogram + answerMAC, session)
    }
}
