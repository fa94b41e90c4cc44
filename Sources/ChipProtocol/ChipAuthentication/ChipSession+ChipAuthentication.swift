import ICAOCrypto

extension ChipSession {
    /// Chip Authentication (Doc 9303-11 §6.2) with the chip's static key from DG14.
    ///
    /// AES variants: MSE:Set AT (`00 22 41 A4`, tag 80 = protocol OID, tag 84 = key id when given)
    /// then GENERAL AUTHENTICATE with our ephemeral public key in `7C { 80 }`. 3DES (version 1):
    /// MSE:Set KAT (`00 22 41 A6`, tag 91 = our key, tag 84 = key id). Both run under the current
    /// secure messaging; then secure messaging restarts with keys from KDF(shared secret) and a
    /// zero counter. The chip proves it holds the private key only by protecting its next
    /// response with the new keys: pass `confirm: true` to spend one SELECT on that now, or leave
    /// it to the next read (``readDocument(_:progress:)`` does).
    public func chipAuthenticate(
        key: ChipAuthenticationKey, info: ChipAuthenticationInfo?, confirm: Bool = true
    ) async throws -> ChipAuthenticationOutcome {
        let keyAgreement = info?.keyAgreement ?? .ellipticCurveDiffieHellman
        let cipher = info?.cipher ?? .tripleDES
        let name = Self.chipAuthenticationName(keyAgreement: keyAgreement, cipher: cipher)
        var outcome = ChipAuthenticationOutcome(status: .unsupported, protocolName: name, keyID: key.keyID)
        let agreement: (publicKey: [UInt8], sharedSecret: [UInt8])
        do {
            let chipKey = try crypto.publicKey(subjectPublicKeyInfo: key.subjectPublicKeyInfo)
            guard chipKey.algorithm == (keyAgreement == .diffieHellman ? .diffieHellman : .ellipticCurve) else {
                outcome.detail = "DG14 key type does not match the protocol"
                return outcome
            }
            agreement = try chipKey.ephemeralKeyAgreement()
        } catch let error as CryptoError {
            outcome.detail = error.diagnostic ?? error.code
            return outcome
        }
        let keyIDObject = key.keyID.map { TLV(tag: 0x84, value: Self.minimalBytes($0)).encoded } ?? []
        let commands: [CommandAPDU]
        if cipher == .tripleDES {
            commands = [CommandAPDU(ins: 0x22, p1: 0x41, p2: 0xA6, data: TLV(tag: 0x91, value: agreement.publicKey).encoded + keyIDObject)]
        } else {
            let oid = Self.chipAuthenticationOID(keyAgreement: keyAgreement, cipher: cipher)
            commands = [
                CommandAPDU(ins: 0x22, p1: 0x41, p2: 0xA4, data: TLV(tag: 0x80, value: oid).encoded + keyIDObject),
                CommandAPDU(ins: 0x86, p1: 0, p2: 0, data: TLV(tag: 0x7C, value: TLV(tag: 0x80, value: agreement.publicKey).encoded).encoded,
                            expectedLength: CommandAPDU.shortMaximumExpectedLength),
            ]
        }
        for command in commands {
            let response: ResponseAPDU
            do {
                response = try await send(command)
            } catch let error as SecureMessagingError {
                // Broken under the old keys: re-open so the read can go on, and report it.
                try await recoverSession()
                outcome.status = .chipRefused
                outcome.detail = "secure messaging failed during Chip Authentication: \(error.code)"
                return outcome
            }
            guard response.status.isSuccess else {
                outcome.status = .chipRefused
                outcome.detail = "\(command.ins == 0x22 ? "MSE" : "GENERAL AUTHENTICATE"): \(response.status)"
                return outcome
            }
        }
        let encryptionKey = try crypto.deriveKey(from: agreement.sharedSecret, counter: .encryption, for: cipher)
        let macKey = try crypto.deriveKey(from: agreement.sharedSecret, counter: .mac, for: cipher)
        replaceSecureMessaging(try PACEResult.secureMessaging(cipher: cipher, encryptionKey: encryptionKey, macKey: macKey, crypto: crypto))
        selectedFile = nil
        outcome.status = .keysNotConfirmed
        pendingChipAuthentication = outcome
        if confirm { try await confirmChipAuthentication() }
        return pendingChipAuthentication ?? outcome
    }

    /// Sends a cheap protected command (SELECT EF.COM) so the chip answers under the new keys.
    func confirmChipAuthentication() async throws {
        guard pendingChipAuthentication?.status == .keysNotConfirmed, !chipAuthenticationConfirmed else { return }
        do {
            try await select(.com)
        } catch is SecureMessagingError {
            // Recorded by send(); the session is re-opened so the read can go on.
            try await recoverSession()
        }
    }

    /// Called by ``send(_:)`` with the fate of the first protected response after CA.
    func recordChipAuthenticationProof(verified: Bool) {
        guard var outcome = pendingChipAuthentication, outcome.status == .keysNotConfirmed, !chipAuthenticationConfirmed else { return }
        chipAuthenticationConfirmed = true
        if verified {
            outcome.status = .verified
        } else {
            outcome.detail = "the first response under the new keys did not verify"
        }
        pendingChipAuthentication = outcome
    }

    static func chipAuthenticationName(keyAgreement: KeyAgreementAlgorithm, cipher: CipherAlgorithm) -> String {
        let agreement = keyAgreement == .diffieHellman ? "DH" : "ECDH"
        let cipherName = switch cipher {
        case .tripleDES: "3DES"
        case .aes128: "AES-128"
        case .aes192: "AES-192"
        case .aes256: "AES-256"
        }
        return "CA-\(agreement)-\(cipherName)"
    }

    /// The content octets of id-CA-{DH,ECDH}-{3DES,AES…}: 0.4.0.127.0.7.2.2.3.x.y. Every arc after
    /// the first two is below 128, so each takes one byte.
    static func chipAuthenticationOID(keyAgreement: KeyAgreementAlgorithm, cipher: CipherAlgorithm) -> [UInt8] {
        let cipherArc: UInt = switch cipher {
        case .tripleDES: 1
        case .aes128: 2
        case .aes192: 3
        case .aes256: 4
        }
        let arcs = SecurityProtocolArc.chipAuthentication + [keyAgreement == .diffieHellman ? 1 : 2, cipherArc]
        return [UInt8(arcs[0] * 40 + arcs[1])] + arcs.dropFirst(2).map { UInt8($0) }
    }

    /// A non-negative integer as the fewest big-endian bytes (key ids are small).
    static func minimalBytes(_ value: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        var remaining = max(value, 0)
        repeat {
            bytes.insert(UInt8(remaining & 0xFF), at: 0)
            remaining >>= 8
        } while remaining > 0
        return bytes
    }
}
