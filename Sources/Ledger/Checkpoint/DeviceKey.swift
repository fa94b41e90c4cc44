import Crypto
import Foundation
import Glibc

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
        if let data = FileManager.default.contents(atPath: path) {
            guard let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: data) else {
                throw LedgerError(.deviceKeyUnreadable, diagnostic: path)
            }
            privateKey = key
            return
        }
        guard create else { throw LedgerError(.deviceKeyUnreadable, diagnostic: path) }
        let key = Curve25519.Signing.PrivateKey()
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw LedgerError(.deviceKeyUnreadable, diagnostic: path) }
        defer { close(descriptor) }
        let raw = [UInt8](key.rawRepresentation)
        guard write(descriptor, raw, raw.count) == raw.count, fsync(descriptor) == 0 else {
            throw LedgerError(.deviceKeyUnreadable, diagnostic: path)
        }
        privateKey = key
    }

    /// Hex of the 32-byte public key, as printed in checkpoint lines.
    public var publicKeyHex: String { privateKey.publicKey.rawRepresentation.hexString }

    func sign(_ message: String) -> Data {
        (try? privateKey.signature(for: Data(message.utf8))) ?? Data()
    }
}
