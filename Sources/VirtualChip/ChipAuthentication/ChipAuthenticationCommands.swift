import ChipProtocol
import ICAOCrypto

extension ChipCore {
    /// MSE:Set AT for Chip Authentication (Doc 9303-11 §6.2): 80 the CA OID of DG14, 84 an
    /// optional key reference (this chip has one key). Only under secure messaging.
    mutating func setChipAuthenticationTemplate(_ objects: [TLV]) -> CardResponse {
        session.chipAuthenticationSelected = false
        guard session.hasAccess else { return .status(.securityStatusNotSatisfied) }
        guard let key = environment.chipAuthentication, objects.first(tag: 0x80)?.value == key.objectIdentifier else {
            return .status(.incorrectData)
        }
        session.chipAuthenticationSelected = true
        return .success()
    }

    /// GENERAL AUTHENTICATE with the terminal's ephemeral key in 80: ECDH with the static key,
    /// new AES session keys, counter 0. The answer still goes out under the old keys; the new
    /// ones take over from the next command.
    mutating func chipAuthenticationGeneralAuthenticate(_ objects: [TLV]) -> CardResponse {
        session.chipAuthenticationSelected = false
        guard let key = environment.chipAuthentication, let terminalKey = objects.first(tag: 0x80)?.value else {
            return .status(.incorrectData)
        }
        do {
            let crypto = environment.crypto
            let secret = try key.curve.sharedSecret(privateKey: key.keyPair.privateKey, peer: try key.curve.decodePoint(terminalKey))
            let session = try AESSecureMessaging(
                encryptionKey: try crypto.deriveKey(from: secret, counter: .encryption, for: key.cipher),
                macKey: try crypto.deriveKey(from: secret, counter: .mac, for: key.cipher), crypto: crypto
            )
            self.session.establish(session)
            return .success(Self.dynamicAuthenticationData([]))
        } catch {
            return .status(.incorrectData)
        }
    }
}
