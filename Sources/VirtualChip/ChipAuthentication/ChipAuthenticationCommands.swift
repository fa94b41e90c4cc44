import ChipProtocol
import ICAOCrypto

extension ChipCore {
    /// MSE:Set AT for Chip Authentication (Doc 9303-11 §6.2): 80 the CA OID of DG14, 84 an
    /// optional key reference (this chip has one key). Only under secure messaging.
    mutating func setChipAuthenticationTemplate(_ objects: [TLV]) -> CardResponse {
        session.chipAuthenticationSelected = false
        guard session.hasAccess else { return .status(.securityStatusNotSatisfied) }
        guard let key = environment.chipAuthentication, key.cipher != .tripleDES,
              objects.first(tag: 0x80)?.value == key.objectIdentifier else {
            return .status(.incorrectData)
        }
        session.chipAuthenticationSelected = true
        return .success()
    }

    /// GENERAL AUTHENTICATE with the terminal's ephemeral key in 80: ECDH with the static key,
    /// new AES session keys, counter 0.
    mutating func chipAuthenticationGeneralAuthenticate(_ objects: [TLV]) -> CardResponse {
        session.chipAuthenticationSelected = false
        guard let terminalKey = objects.first(tag: 0x80)?.value else { return .status(.incorrectData) }
        guard agreeChipAuthenticationKeys(with: terminalKey) else { return .status(.incorrectData) }
        return .success(Self.dynamicAuthenticationData([]))
    }

    /// MSE:Set KAT (Doc 9303-11 §6.2, version 1 with 3DES): the terminal's ephemeral key in 91,
    /// an optional key reference in 84; the key agreement happens at once. Only under secure
    /// messaging, and only on a chip whose DG14 names 3DES.
    mutating func setKeyAgreementTemplate(_ objects: [TLV]) -> CardResponse {
        guard session.hasAccess else { return .status(.securityStatusNotSatisfied) }
        guard environment.chipAuthentication?.cipher == .tripleDES, let terminalKey = objects.first(tag: 0x91)?.value else {
            return .status(.incorrectData)
        }
        return agreeChipAuthenticationKeys(with: terminalKey) ? .success() : .status(.incorrectData)
    }

    /// ECDH of the static key with the terminal's, then new session keys of the key's cipher with
    /// a zero counter. The answer still goes out under the old keys; the new ones take over from
    /// the next command.
    private mutating func agreeChipAuthenticationKeys(with terminalKey: [UInt8]) -> Bool {
        guard let key = environment.chipAuthentication else { return false }
        do {
            let crypto = environment.crypto
            let secret = try key.curve.sharedSecret(privateKey: key.keyPair.privateKey, peer: try key.curve.decodePoint(terminalKey))
            let encryptionKey = try crypto.deriveKey(from: secret, counter: .encryption, for: key.cipher)
            let macKey = try crypto.deriveKey(from: secret, counter: .mac, for: key.cipher)
            let next: any SecureMessaging = key.cipher == .tripleDES
                ? TripleDESSecureMessaging(encryptionKey: encryptionKey, macKey: macKey, sendSequenceCounter: .zero(blockSize: 8), crypto: crypto)
                : try AESSecureMessaging(encryptionKey: encryptionKey, macKey: macKey, crypto: crypto)
            session.establish(next)
            return true
        } catch {
            return false
        }
    }
}
