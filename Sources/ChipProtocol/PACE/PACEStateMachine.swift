public import ICAOCrypto

/// PACE as a sans-I/O state machine: ``start()`` gives the first command, each chip response
/// fed to ``receive(_:)`` yields the next command or the established session.
///
/// States follow Doc 9303-11 §4.4.4: MSE:Set AT, then GENERAL AUTHENTICATE for the encrypted
/// nonce, the mapping, the key agreement and the mutual authentication. Any error moves the
/// machine to a failed state it never leaves; a new attempt starts a new machine.
public struct PACEStateMachine: Sendable, SecretBearing {
    /// What the caller does next.
    public enum Action: Sendable {
        case transmit(CommandAPDU)
        case established(PACEResult)
    }

    private enum State {
        case idle
        case awaiting(PACE.Step, Secrets)
        case finished
    }

    /// What the terminal must remember between round trips.
    private enum Secrets {
        case none
        case nonce([UInt8])
        case genericMapping(nonce: [UInt8], privateKey: [UInt8], publicKey: [UInt8])
        case integratedMapping(nonce: [UInt8], terminalNonce: [UInt8])
        case ephemeral(privateKey: [UInt8], publicKey: [UInt8])
        case sessionKeys(encryption: [UInt8], mac: [UInt8], publicKey: [UInt8], chipPublicKey: [UInt8])
    }

    private let configuration: PACE
    private var state = State.idle

    init(configuration: PACE) {
        self.configuration = configuration
    }

    /// The step whose answer the machine waits for; nil before start and after the end.
    public var awaitedStep: PACE.Step? {
        if case .awaiting(let step, _) = state { return step }
        return nil
    }

    /// MSE:Set AT, with protocol OID, password reference and (always) the parameter id.
    public mutating func start() throws -> CommandAPDU {
        guard case .idle = state else { throw PACEError(.outOfSequence, diagnostic: "start called twice") }
        state = .awaiting(.setAuthenticationTemplate, .none)
        return PACECommands.setAuthenticationTemplate(
            algorithm: configuration.info.algorithm, password: configuration.password, parameterID: configuration.parameterID
        )
    }

    public mutating func receive(_ response: ResponseAPDU) throws -> Action {
        guard case .awaiting(let step, let secrets) = state else {
            throw PACEError(.outOfSequence, diagnostic: "no command is awaiting an answer")
        }
        state = .finished
        let (next, action) = try advance(step, secrets, response)
        state = next
        return action
    }

    private func advance(_ step: PACE.Step, _ secrets: Secrets, _ response: ResponseAPDU) throws -> (State, Action) {
        let group = configuration.group
        let cipher = configuration.info.algorithm.cipher
        switch (step, secrets) {
        case (.setAuthenticationTemplate, _):
            guard response.status.isSuccess else { throw PACEError(.setupRejected, diagnostic: response.status.description) }
            return (.awaiting(.encryptedNonce, .none), .transmit(PACECommands.generalAuthenticate(tag: nil, value: [], isLast: false)))

        case (.encryptedNonce, _):
            let nonce = try decryptNonce(try answer(step, response, tag: 0x80))
            if configuration.info.algorithm.mapping == .integrated {
                let terminalNonce = try configuration.random.randomBytes(cipher.keyLength)
                return (.awaiting(.mapNonce, .integratedMapping(nonce: nonce, terminalNonce: terminalNonce)),
                        .transmit(PACECommands.generalAuthenticate(tag: 0x81, value: terminalNonce, isLast: false)))
            }
            let keys = try group.generateKeyPair(base: group.generator, using: configuration.random)
            return (.awaiting(.mapNonce, .genericMapping(nonce: nonce, privateKey: keys.privateKey, publicKey: keys.publicKey)),
                    .transmit(PACECommands.generalAuthenticate(tag: 0x81, value: keys.publicKey, isLast: false)))

        case (.mapNonce, .genericMapping(let nonce, let privateKey, let publicKey)):
            let chipKey = try answer(step, response, tag: 0x82)
            try requireDistinct(step, ours: publicKey, theirs: chipKey)
            let generator = try fromChipData(step) {
                try group.genericMapping(nonce: nonce, privateKey: privateKey, peerMappingKey: chipKey)
            }
            return try ephemeralKeyAgreement(on: generator)

        case (.mapNonce, .integratedMapping(let nonce, let terminalNonce)):
            // The chip answers an empty 82; nothing in it is used.
            _ = try answer(step, response, tag: nil)
            let generator = try fromChipData(step) {
                let randomValue = try IntegratedMapping.pseudoRandomOutput(
                    nonce: nonce, terminalNonce: terminalNonce, cipher: cipher,
                    primeBitLength: group.primeBitLength, crypto: configuration.crypto
                )
                return try group.integratedMapping(randomValue: randomValue)
            }
            return try ephemeralKeyAgreement(on: generator)

        case (.keyAgreement, .ephemeral(let privateKey, let publicKey)):
            let chipKey = try answer(step, response, tag: 0x84)
            try requireDistinct(step, ours: publicKey, theirs: chipKey)
            let secret = try fromChipData(step) {
                try group.sharedSecret(privateKey: privateKey, peer: try group.validatePublicKey(chipKey))
            }
            let crypto = configuration.crypto
            let encryption = try crypto.deriveKey(from: secret, counter: .encryption, for: cipher)
            let mac = try crypto.deriveKey(from: secret, counter: .mac, for: cipher)
            return (.awaiting(.mutualAuthentication, .sessionKeys(encryption: encryption, mac: mac, publicKey: publicKey, chipPublicKey: chipKey)),
                    .transmit(PACECommands.generalAuthenticate(tag: 0x85, value: try token(mac, over: chipKey), isLast: true)))

        case (.mutualAuthentication, .sessionKeys(let encryption, let mac, let publicKey, let chipPublicKey)):
            let chipToken = try answer(step, response, tag: 0x86)
            guard SecureMessagingChecks.constantTimeEqual(chipToken, try token(mac, over: publicKey)) else {
                throw PACEError(.chipTokenMismatch)
            }
            let session = try PACEResult.secureMessaging(cipher: cipher, encryptionKey: encryption, macKey: mac, crypto: configuration.crypto)
            return (.finished, .established(PACEResult(secureMessaging: session, chipEphemeralPublicKey: chipPublicKey)))

        default:
            throw PACEError(.outOfSequence, diagnostic: "\(step.rawValue) without its secrets")
        }
    }

    /// Step 3: an ephemeral key pair on the mapped generator, sent in 83.
    private func ephemeralKeyAgreement(on generator: [UInt8]) throws -> (State, Action) {
        let keys = try configuration.group.generateKeyPair(base: generator, using: configuration.random)
        return (.awaiting(.keyAgreement, .ephemeral(privateKey: keys.privateKey, publicKey: keys.publicKey)),
                .transmit(PACECommands.generalAuthenticate(tag: 0x83, value: keys.publicKey, isLast: false)))
    }

    /// s = D(K_π, z) with K_π = KDF_π(password).
    private func decryptNonce(_ encryptedNonce: [UInt8]) throws -> [UInt8] {
        let cipher = configuration.info.algorithm.cipher
        let crypto = configuration.crypto
        guard !encryptedNonce.isEmpty, encryptedNonce.count % cipher.blockSize == 0 else {
            throw PACEError(.invalidChipResponse, diagnostic: "nonce of \(encryptedNonce.count) bytes")
        }
        let passwordKey = try crypto.deriveKey(
            from: try configuration.password.keyMaterial(crypto: crypto), counter: .password, for: cipher
        )
        return try crypto.decrypt(cipher, .cbcZeroIV(for: cipher), key: passwordKey, encryptedNonce)
    }

    private func token(_ macKey: [UInt8], over publicKey: [UInt8]) throws -> [UInt8] {
        try AuthenticationToken.compute(
            macKey: macKey, cipher: configuration.info.algorithm.cipher, algorithm: configuration.info.algorithm,
            publicKeyTag: configuration.group.publicKeyTag, publicKey: publicKey, crypto: configuration.crypto
        )
    }

    /// The value of `tag` in the chip's 7C answer (nothing when `tag` is nil), after mapping
    /// failure status words: 63xx is a wrong password, 6983 a blocked one.
    private func answer(_ step: PACE.Step, _ response: ResponseAPDU, tag: UInt32?) throws -> [UInt8] {
        guard response.status.isSuccess else {
            let diagnostic = "\(step.rawValue): \(response.status)"
            if response.status == .authenticationMethodBlocked { throw PACEError(.passwordBlocked, diagnostic: diagnostic) }
            if response.status.sw1 == 0x63 { throw PACEError(.wrongPassword, diagnostic: diagnostic) }
            throw PACEError(.chipRejected, diagnostic: diagnostic)
        }
        guard let tag else { return [] }
        return try PACECommands.dynamicAuthenticationData(response, tag: tag)
    }

    /// A chip that echoes the terminal's public key is mounting a reflection attack.
    private func requireDistinct(_ step: PACE.Step, ours: [UInt8], theirs: [UInt8]) throws {
        guard theirs != ours else {
            throw PACEError(.invalidChipResponse, diagnostic: "\(step.rawValue): chip echoed the terminal's key")
        }
    }

    /// Runs a computation on data the chip sent, reporting invalid keys or nonces as chip errors.
    private func fromChipData(_ step: PACE.Step, _ body: () throws -> [UInt8]) throws -> [UInt8] {
        do {
            return try body()
        } catch let error as CryptoError {
            throw PACEError(.invalidChipResponse, diagnostic: "\(step.rawValue): \(error.code)")
        }
    }
}
