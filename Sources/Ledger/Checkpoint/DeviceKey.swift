import Crypto
import Foundation

/// The kiosk's Ed25519 checkpoint-signing key.
///
/// Ed25519 rather than HMAC so an auditor verifies checkpoints with the public key alone (printed
/// in every checkpoint line) and cannot forge one. The private key lives in its own root-only file,
/// never in the ledger database: whoever rewrites the database without the key cannot re-sign.
public struct DeviceKey: Sendable {
    let privateKey: Curve25519.Signing.PrivateKey

    /// A fresh random key (tests, demos).
    public init() {
        privateKey = Curve25519.Signing.PrivateKey()
    }

    /// Loads the 32-byte raw key at `path`, creating it (mode 0600) when `create` and it is absent.
    public init(path: String, create: Bool) throws(LedgerError) {
        guard let data = SecretFile.load(path, create: create, fresh: { Curve25519.Signing.PrivateKey().rawRepresentation }),
              let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: data)
        else { throw LedgerError(.deviceKeyUnreadable, diagnostic: path) }
        privateKey = key
    }

    /// Hex of the 32-byte public key, as printed in checkpoint lines.
    public var publicKeyHex: String { privateKey.publicKey.rawRepresentation.hexString }

    /// The public key an auditor verifies this device's checkpoints with.
    public var publicKey: DevicePublicKey { DevicePublicKey(trusted: publicKeyHex) }

    func sign(_ message: String) -> Data {
        (try? privateKey.signature(for: Data(message.utf8))) ?? Data()
    }
}
