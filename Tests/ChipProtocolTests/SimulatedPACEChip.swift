import ChipProtocol
import ICAOCrypto

/// The chip's side of PACE-GM and PACE-IM, written from the standard with ICAOCrypto directly (not
/// with the terminal's flow under test), so the terminal can be exercised on variants the standard
/// has no worked example for: DH groups, 3DES, AES-192/256, NIST curves, and a wrong CAN. For IM
/// it shares only the pseudo-random function R(s, t), which App. H pins down separately.
actor SimulatedPACEChip: APDUTransport {
    private let crypto = OpenSSLCrypto()
    private let random = SystemRandomSource()
    private let cipher: CipherAlgorithm
    private let oid: [UInt8]
    private let parameterID: UInt8
    private let passwordKey: [UInt8]
    private let parameters: DomainParameters
    private let integratedMapping: Bool

    private var nonce: [UInt8] = []
    private var mappedGenerator: [UInt8] = []
    private var ephemeralPrivateKey: [UInt8] = []
    private var ephemeralPublicKey: [UInt8] = []
    private var terminalEphemeralKey: [UInt8] = []
    private(set) var secureMessaging: (any SecureMessaging)?

    init(cipher: CipherAlgorithm, oid: [UInt8], parameterID: Int, can: String) throws {
        integratedMapping = oid.count >= 2 && [3, 4].contains(oid[oid.count - 2])
        self.cipher = cipher
        self.oid = oid
        self.parameterID = UInt8(parameterID)
        guard let parameters = DomainParameters(standardizedID: parameterID) else { throw CryptoError(.unsupportedAlgorithm) }
        self.parameters = parameters
        passwordKey = try OpenSSLCrypto().deriveKey(from: Array(can.utf8), counter: .password, for: cipher)
    }

    func transmit(_ bytes: [UInt8]) async throws -> [UInt8] {
        let command = try CommandAPDU(encoded: bytes)
        switch (command.ins, command.data.first) {
        case (0x22, _):
            let objects = try TLV.decodeSequence(command.data)
            let ok = try objects.required(tag: 0x80).value == oid && objects.required(tag: 0x84).value == [parameterID]
                && objects.required(tag: 0x83).value == [0x02]
            return ok ? [0x90, 0x00] : [0x6A, 0x80]
        case (0x86, 0x7C):
            let inner = try TLV(decoding: command.data, expectedTag: 0x7C).children()
            return try await generalAuthenticate(inner.first)
        default:
            return [0x6D, 0x00]
        }
    }

    private func generalAuthenticate(_ object: TLV?) async throws -> [UInt8] {
        guard let object else {
            nonce = try random.randomBytes(cipher == .aes192 || cipher == .aes256 ? 32 : 16)
            let z = try crypto.encrypt(cipher, .cbcZeroIV(for: cipher), key: passwordKey, nonce)
            return answer(0x80, z)
        }
        switch object.tag {
        case 0x81 where integratedMapping:
            let randomValue = try IntegratedMapping.pseudoRandomOutput(
                nonce: nonce, terminalNonce: object.value, cipher: cipher, primeBitLength: primeBitLength, crypto: crypto
            )
            switch parameters {
            case .ellipticCurve(let name):
                mappedGenerator = try crypto.ellipticCurve(name).integratedMappingPoint(from: randomValue).uncompressedEncoding
            case .modular(let name):
                mappedGenerator = try crypto.modularGroup(name).integratedMappingGenerator(from: randomValue)
            }
            return answer(0x82, [])
        case 0x81:
            let (privateKey, publicKey) = try keyPair(base: generator)
            mappedGenerator = try map(privateKey: privateKey, terminalKey: object.value)
            return answer(0x82, publicKey)
        case 0x83:
            terminalEphemeralKey = object.value
            (ephemeralPrivateKey, ephemeralPublicKey) = try keyPair(base: mappedGenerator)
            return answer(0x84, ephemeralPublicKey)
        case 0x85:
            let secret = try sharedSecret(terminalEphemeralKey)
            let macKey = try crypto.deriveKey(from: secret, counter: .mac, for: cipher)
            guard object.value == (try token(macKey, ephemeralPublicKey)) else { return [0x63, 0x00] }
            let encryptionKey = try crypto.deriveKey(from: secret, counter: .encryption, for: cipher)
            secureMessaging = cipher == .tripleDES
                ? TripleDESSecureMessaging(encryptionKey: encryptionKey, macKey: macKey, sendSequenceCounter: .zero(blockSize: 8))
                : try AESSecureMessaging(encryptionKey: encryptionKey, macKey: macKey)
            return answer(0x86, try token(macKey, terminalEphemeralKey))
        default:
            return [0x6A, 0x80]
        }
    }

    /// Protects `data` as the chip's answer to the next protected command.
    func protectedAnswer(_ data: [UInt8]) throws -> [UInt8] {
        guard var session = secureMessaging else { return [0x69, 0x82] }
        session.sendSequenceCounter.increment()
        let response = try session.chipProtectResponse(data: data, status: .success)
        secureMessaging = session
        return response.encoded
    }

    private func answer(_ tag: UInt32, _ value: [UInt8]) -> [UInt8] {
        TLV(tag: 0x7C, value: TLV(tag: tag, value: value).encoded).encoded + [0x90, 0x00]
    }

    private var generator: [UInt8] {
        get throws {
            switch parameters {
            case .ellipticCurve(let name): try crypto.ellipticCurve(name).generator.uncompressedEncoding
            case .modular(let name): try crypto.modularGroup(name).generator
            }
        }
    }

    private var primeBitLength: Int {
        get throws {
            switch parameters {
            case .ellipticCurve(let name): try crypto.ellipticCurve(name).primeBitLength
            case .modular(let name): try crypto.modularGroup(name).primeBitLength
            }
        }
    }

    private func keyPair(base: [UInt8]) throws -> ([UInt8], [UInt8]) {
        switch parameters {
        case .ellipticCurve(let name):
            let curve = try crypto.ellipticCurve(name)
            let pair = try curve.generateKeyPair(base: try curve.decodePoint(base), using: random)
            return (pair.privateKey, pair.publicKey.uncompressedEncoding)
        case .modular(let name):
            let pair = try crypto.modularGroup(name).generateKeyPair(base: base, using: random)
            return (pair.privateKey, pair.publicKey)
        }
    }

    private func map(privateKey: [UInt8], terminalKey: [UInt8]) throws -> [UInt8] {
        switch parameters {
        case .ellipticCurve(let name):
            let curve = try crypto.ellipticCurve(name)
            let h = try curve.multiply(try curve.decodePoint(terminalKey), by: privateKey)
            return try curve.add(try curve.multiply(curve.generator, by: nonce), h).uncompressedEncoding
        case .modular(let name):
            let group = try crypto.modularGroup(name)
            return try group.multiply(try group.power(group.generator, nonce), try group.power(terminalKey, privateKey))
        }
    }

    private func sharedSecret(_ terminalKey: [UInt8]) throws -> [UInt8] {
        switch parameters {
        case .ellipticCurve(let name):
            let curve = try crypto.ellipticCurve(name)
            return try curve.sharedSecret(privateKey: ephemeralPrivateKey, peer: try curve.decodePoint(terminalKey))
        case .modular(let name):
            return try crypto.modularGroup(name).sharedSecret(privateKey: ephemeralPrivateKey, peer: terminalKey)
        }
    }

    private func token(_ macKey: [UInt8], _ publicKey: [UInt8]) throws -> [UInt8] {
        let tag: UInt32 = if case .ellipticCurve = parameters { 0x86 } else { 0x84 }
        let input = TLV(tag: 0x7F49, value: TLV(tag: 0x06, value: oid).encoded + TLV(tag: tag, value: publicKey).encoded).encoded
        return cipher == .tripleDES
            ? try crypto.retailMAC(key: macKey, Padding.pad(input, blockSize: 8))
            : Array(try crypto.cmac(key: macKey, input).prefix(8))
    }
}
