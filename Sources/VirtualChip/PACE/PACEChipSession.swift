import ChipProtocol
import ICAOCrypto

/// The chip's side of PACE (Doc 9303-11 §4.4) after MSE:Set AT: four GENERAL AUTHENTICATE
/// steps — encrypted nonce, mapping, key agreement, mutual authentication — as a state machine
/// that turns each step's dynamic authentication data into the chip's answer.
struct PACEChipSession: Sendable, SecretBearing {
    enum Outcome {
        /// The value of the 7C answer.
        case answer([UInt8])
        /// The last step: the 7C answer and the session keys.
        case established(answer: [UInt8], secureMessaging: any SecureMessaging)
        /// The terminal's token does not verify: wrong password (6300).
        case wrongPassword
        /// Out of order, missing objects or invalid keys (6A80).
        case invalidData
    }

    private enum State {
        case awaitingNonceRequest
        case awaitingMapping(nonce: [UInt8])
        case awaitingKeyAgreement(generator: [UInt8])
        case awaitingToken(privateKey: [UInt8], publicKey: [UInt8], terminalKey: [UInt8])
        case finished
    }

    private let configuration: PACEChipConfiguration
    /// K_π = KDF_π(password).
    private let passwordKey: [UInt8]
    private let crypto: any ICAOCryptography
    private let random: any RandomSource
    private var state = State.awaitingNonceRequest

    init(configuration: PACEChipConfiguration, password: [UInt8], crypto: any ICAOCryptography, random: any RandomSource) throws {
        self.configuration = configuration
        self.passwordKey = try crypto.deriveKey(from: password, counter: .password, for: configuration.cipher)
        self.crypto = crypto
        self.random = random
    }

    mutating func step(_ objects: [TLV]) -> Outcome {
        let current = state
        state = .finished
        do {
            let (next, outcome) = try advance(current, objects)
            state = next
            return outcome
        } catch {
            return .invalidData
        }
    }

    private func advance(_ current: State, _ objects: [TLV]) throws -> (State, Outcome) {
        let group = configuration.group
        let cipher = configuration.cipher
        switch current {
        case .awaitingNonceRequest:
            guard objects.isEmpty else { return (.finished, .invalidData) }
            let nonce = try random.randomBytes(cipher.keyLength > 16 ? 32 : 16)
            let encrypted = try crypto.encrypt(cipher, .cbcZeroIV(for: cipher), key: passwordKey, nonce)
            return (.awaitingMapping(nonce: nonce), .answer(TLV(tag: 0x80, value: encrypted).encoded))

        case .awaitingMapping(let nonce):
            let terminalValue = try objects.required(tag: 0x81).value
            if configuration.info.algorithm.mapping == .integrated {
                let randomValue = try IntegratedMapping.pseudoRandomOutput(
                    nonce: nonce, terminalNonce: terminalValue, cipher: cipher,
                    primeBitLength: group.primeBitLength, crypto: crypto
                )
                return (.awaitingKeyAgreement(generator: try group.integratedMapping(randomValue: randomValue)),
                        .answer(TLV(tag: 0x82, value: []).encoded))
            }
            let mapping = try group.generateKeyPair(base: group.generator, using: random)
            guard mapping.publicKey != terminalValue else { return (.finished, .invalidData) }
            let generator = try group.genericMapping(nonce: nonce, privateKey: mapping.privateKey, peerMappingKey: terminalValue)
            return (.awaitingKeyAgreement(generator: generator), .answer(TLV(tag: 0x82, value: mapping.publicKey).encoded))

        case .awaitingKeyAgreement(let generator):
            let terminalKey = try objects.required(tag: 0x83).value
            let ephemeral = try group.generateKeyPair(base: generator, using: random)
            guard ephemeral.publicKey != terminalKey else { return (.finished, .invalidData) }
            return (.awaitingToken(privateKey: ephemeral.privateKey, publicKey: ephemeral.publicKey, terminalKey: terminalKey),
                    .answer(TLV(tag: 0x84, value: ephemeral.publicKey).encoded))

        case .awaitingToken(let privateKey, let publicKey, let terminalKey):
            let terminalToken = try objects.required(tag: 0x85).value
            let secret = try group.sharedSecret(privateKey: privateKey, peer: terminalKey)
            let macKey = try crypto.deriveKey(from: secret, counter: .mac, for: cipher)
            guard terminalToken == (try token(macKey: macKey, over: publicKey)) else { return (.finished, .wrongPassword) }
            let encryptionKey = try crypto.deriveKey(from: secret, counter: .encryption, for: cipher)
            let session: any SecureMessaging = cipher == .tripleDES
                ? TripleDESSecureMessaging(encryptionKey: encryptionKey, macKey: macKey, sendSequenceCounter: .zero(blockSize: 8), crypto: crypto)
                : try AESSecureMessaging(encryptionKey: encryptionKey, macKey: macKey, crypto: crypto)
            let answer = TLV(tag: 0x86, value: try token(macKey: macKey, over: terminalKey)).encoded
            return (.finished, .established(answer: answer, secureMessaging: session))

        case .finished:
            return (.finished, .invalidData)
        }
    }

    /// MAC over 7F49 { 06 protocol OID, 86/84 the other party's public key }, 8 bytes.
    private func token(macKey: [UInt8], over publicKey: [UInt8]) throws -> [UInt8] {
        let algorithm = configuration.info.algorithm
        let input = TLV(tag: 0x7F49, value:
            TLV(tag: 0x06, value: algorithm.objectIdentifierContent).encoded
            + TLV(tag: configuration.group.publicKeyTag, value: publicKey).encoded
        ).encoded
        if configuration.cipher == .tripleDES {
            return try crypto.retailMAC(key: macKey, Padding.pad(input, blockSize: 8))
        }
        return Array(try crypto.cmac(key: macKey, input).prefix(8))
    }
}
