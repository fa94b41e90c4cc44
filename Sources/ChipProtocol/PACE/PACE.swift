public import ICAOCrypto

/// The terminal side of PACE v2 (Doc 9303-11 §4.4) with Generic or Integrated Mapping, DH or
/// ECDH, 3DES or AES. Chip Authentication Mapping is not implemented yet.
///
/// It runs as a fixed sequence of ``Step``s over an ``APDUTransport``, with every random choice of
/// the terminal drawn from the injected ``RandomSource`` — so a test can replay the standard's
/// App. G.1 trace byte for byte, and a fuzzer can drive it with any chip answers.
public struct PACE: Sendable {
    /// The protocol steps; errors name the one that failed.
    public enum Step: String, Sendable {
        case setAuthenticationTemplate
        case encryptedNonce
        case mapNonce
        case keyAgreement
        case mutualAuthentication
    }

    public let info: PACEInfo
    private let password: PACEPassword
    private let parameterID: Int
    private let group: PACEKeyAgreementGroup
    private let crypto: any ICAOCryptography
    private let random: any RandomSource

    /// Checks up front that this reader can run the chip's variant, so an unsupported one fails
    /// before any APDU (and the reader can go straight to BAC).
    public init(
        info: PACEInfo, password: PACEPassword,
        crypto: any ICAOCryptography = OpenSSLCrypto(), random: any RandomSource = SystemRandomSource()
    ) throws {
        guard info.algorithm.mapping != .chipAuthentication else {
            throw PACEError(.unsupportedProtocol, diagnostic: "mapping \(info.algorithm.mapping)")
        }
        guard let parameterID = info.parameterID, let parameters = info.domainParameters else {
            throw PACEError(.unsupportedProtocol, diagnostic: "domain parameters \(info.parameterID.map(String.init) ?? "proprietary")")
        }
        switch (info.algorithm.keyAgreement, parameters) {
        case (.ellipticCurveDiffieHellman, .ellipticCurve), (.diffieHellman, .modular): break
        default: throw PACEError(.unsupportedProtocol, diagnostic: "key agreement does not match parameter id \(parameterID)")
        }
        self.info = info
        self.password = password
        self.parameterID = parameterID
        self.group = try PACEKeyAgreementGroup(parameters, crypto: crypto)
        self.crypto = crypto
        self.random = random
    }

    /// Runs PACE; on success the chip and terminal share fresh session keys, SSC 0.
    public func establish(over transport: any APDUTransport) async throws -> PACEResult {
        let cipher = info.algorithm.cipher
        let setup = try await transport.transmit(
            PACECommands.setAuthenticationTemplate(algorithm: info.algorithm, password: password, parameterID: parameterID)
        )
        guard setup.status.isSuccess else {
            throw PACEError(.setupRejected, diagnostic: setup.status.description)
        }

        // 1. Encrypted nonce z → s = D(K_π, z).
        let passwordKey = try crypto.deriveKey(from: try password.keyMaterial(crypto: crypto), counter: .password, for: cipher)
        let encryptedNonce = try await exchange(.encryptedNonce, tag: nil, value: [], answerTag: 0x80, over: transport)
        guard !encryptedNonce.isEmpty, encryptedNonce.count % cipher.blockSize == 0 else {
            throw PACEError(.invalidChipResponse, diagnostic: "nonce of \(encryptedNonce.count) bytes")
        }
        let nonce = try crypto.decrypt(cipher, .cbcZeroIV(for: cipher), key: passwordKey, encryptedNonce)

        // 2. Mapping: G̃ from s, by a DH exchange (GM) or by R(s, t) with a terminal nonce t (IM).
        let mappedGenerator: [UInt8]
        switch info.algorithm.mapping {
        case .integrated:
            let terminalNonce = try random.randomBytes(cipher.keyLength)
            // The chip answers an empty 82; nothing in it is used.
            _ = try await exchange(.mapNonce, tag: 0x81, value: terminalNonce, answerTag: nil, over: transport)
            mappedGenerator = try fromChipData(.mapNonce) {
                let randomValue = try IntegratedMapping.pseudoRandomOutput(
                    nonce: nonce, terminalNonce: terminalNonce, cipher: cipher,
                    primeBitLength: group.primeBitLength, crypto: crypto
                )
                return try group.integratedMapping(randomValue: randomValue)
            }
        case .generic, .chipAuthentication:
            let mappingKeys = try group.generateKeyPair(base: group.generator, using: random)
            let chipMappingKey = try await exchange(.mapNonce, tag: 0x81, value: mappingKeys.publicKey, answerTag: 0x82, over: transport)
            try requireDistinct(.mapNonce, ours: mappingKeys.publicKey, theirs: chipMappingKey)
            mappedGenerator = try fromChipData(.mapNonce) {
                try group.genericMapping(nonce: nonce, privateKey: mappingKeys.privateKey, chipMappingKey: chipMappingKey)
            }
        }

        // 3. Ephemeral key agreement on G̃.
        let ephemeralKeys = try group.generateKeyPair(base: mappedGenerator, using: random)
        let chipEphemeralKey = try await exchange(.keyAgreement, tag: 0x83, value: ephemeralKeys.publicKey, answerTag: 0x84, over: transport)
        try requireDistinct(.keyAgreement, ours: ephemeralKeys.publicKey, theirs: chipEphemeralKey)
        let sharedSecret = try fromChipData(.keyAgreement) {
            try group.sharedSecret(privateKey: ephemeralKeys.privateKey, peer: try group.validatePublicKey(chipEphemeralKey))
        }
        let encryptionKey = try crypto.deriveKey(from: sharedSecret, counter: .encryption, for: cipher)
        let macKey = try crypto.deriveKey(from: sharedSecret, counter: .mac, for: cipher)

        // 4. Mutual authentication with tokens over each other's ephemeral key.
        let token = { (publicKey: [UInt8]) in
            try AuthenticationToken.compute(
                macKey: macKey, cipher: cipher, algorithm: info.algorithm,
                publicKeyTag: group.publicKeyTag, publicKey: publicKey, crypto: crypto
            )
        }
        let chipToken = try await exchange(
            .mutualAuthentication, tag: 0x85, value: try token(chipEphemeralKey), answerTag: 0x86, isLast: true, over: transport
        )
        guard SecureMessagingChecks.constantTimeEqual(chipToken, try token(ephemeralKeys.publicKey)) else {
            throw PACEError(.chipTokenMismatch)
        }
        return PACEResult(
            secureMessaging: try PACEResult.secureMessaging(cipher: cipher, encryptionKey: encryptionKey, macKey: macKey, crypto: crypto),
            chipEphemeralPublicKey: chipEphemeralKey
        )
    }

    /// One GENERAL AUTHENTICATE round trip; returns the value of `answerTag` in the chip's 7C
    /// (nothing when `answerTag` is nil).
    private func exchange(
        _ step: Step, tag: UInt32?, value: [UInt8], answerTag: UInt32?, isLast: Bool = false,
        over transport: any APDUTransport
    ) async throws -> [UInt8] {
        let response = try await transport.transmit(PACECommands.generalAuthenticate(tag: tag, value: value, isLast: isLast))
        guard response.status.isSuccess else {
            let diagnostic = "\(step.rawValue): \(response.status)"
            if response.status == .authenticationMethodBlocked { throw PACEError(.passwordBlocked, diagnostic: diagnostic) }
            if response.status.sw1 == 0x63 { throw PACEError(.wrongPassword, diagnostic: diagnostic) }
            throw PACEError(.chipRejected, diagnostic: diagnostic)
        }
        guard let answerTag else { return [] }
        return try PACECommands.dynamicAuthenticationData(response, tag: answerTag)
    }

    /// A chip that echoes the terminal's public key is mounting a reflection attack.
    private func requireDistinct(_ step: Step, ours: [UInt8], theirs: [UInt8]) throws {
        guard theirs != ours else {
            throw PACEError(.invalidChipResponse, diagnostic: "\(step.rawValue): chip echoed the terminal's key")
        }
    }

    /// Runs a computation on data the chip sent, reporting invalid keys or nonces as chip errors.
    private func fromChipData(_ step: Step, _ body: () throws -> [UInt8]) throws -> [UInt8] {
        do {
            return try body()
        } catch let error as CryptoError {
            throw PACEError(.invalidChipResponse, diagnostic: "\(step.rawValue): \(error.code)")
        }
    }
}
