import Crypto
import Foundation

/// The public half of a device's checkpoint key: all an auditor needs to check that every
/// checkpoint in a copy of the ledger was signed by that kiosk (`cccdctl ledger public-key`
/// exports it, `cccdctl ledger verify --public-key` reads it).
public struct DevicePublicKey: Sendable, Hashable {
    /// 64 lowercase hex digits, as in checkpoint lines.
    public let hex: String

    /// Parses 64 hex digits, surrounding white space ignored (a file written by `public-key`).
    public init(hex text: String) throws(LedgerError) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.utf8.count == 64, let bytes = Data(hexString: trimmed),
              (try? Curve25519.Signing.PublicKey(rawRepresentation: bytes)) != nil
        else { throw LedgerError(.publicKeyUnreadable, diagnostic: "expected 64 hex digits") }
        hex = bytes.hexString
    }

    /// Reads the key from a file holding its hex text.
    public init(contentsOf path: String) throws(LedgerError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LedgerError(.publicKeyUnreadable, diagnostic: path)
        }
        try self.init(hex: String(decoding: data, as: UTF8.self))
    }

    init(trusted hex: String) { self.hex = hex }
}
