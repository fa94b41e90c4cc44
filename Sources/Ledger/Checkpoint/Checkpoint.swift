import Crypto
import Foundation

/// A signed statement "the chain had `sequence` records ending in `head` at `at`".
///
/// Written to the ledger's checkpoint table, to the log as one line, and into every export. An
/// auditor who kept any earlier copy can later prove that the current file still contains that
/// prefix unchanged — which catches a rewrite of the whole file with a freshly computed chain.
public struct Checkpoint: Sendable, Hashable, Codable {
    /// The sequence number of the last record covered (records 1…sequence; the count).
    public var sequence: Int64
    /// Hex of the chain hash of record `sequence` (32 zero bytes for an empty ledger).
    public var head: String
    /// When the checkpoint was made, UTC milliseconds.
    public var at: Int64
    /// Hex Ed25519 public key of the device that signed.
    public var key: String
    /// Hex Ed25519 signature over ``signedText``.
    public var signature: String

    static let prefix = "cccd-ledger-checkpoint v1"

    /// A checkpoint as read from elsewhere; check ``isSignatureValid`` before trusting it.
    public init(sequence: Int64, head: String, at: Int64, key: String, signature: String) {
        self.sequence = sequence
        self.head = head
        self.at = at
        self.key = key
        self.signature = signature
    }

    /// The exact text signed.
    public var signedText: String { "\(Self.prefix) sequence=\(sequence) head=\(head) at=\(at) key=\(key)" }

    /// The single log/export line: the signed text followed by the signature.
    public var line: String { "\(signedText) sig=\(signature)" }

    static func make(sequence: Int64, head: Data, at: Int64, signer: DeviceKey) -> Checkpoint {
        var checkpoint = Checkpoint(sequence: sequence, head: head.hexString, at: at, key: signer.publicKeyHex, signature: "")
        checkpoint.signature = signer.sign(checkpoint.signedText).hexString
        return checkpoint
    }

    /// Whether the signature is valid for the embedded public key.
    public var isSignatureValid: Bool {
        guard let keyBytes = Data(hexString: key), let signatureBytes = Data(hexString: signature),
              let publicKey = try? Curve25519.Signing.PublicKey(rawRepresentation: keyBytes)
        else { return false }
        return publicKey.isValidSignature(signatureBytes, for: Data(signedText.utf8))
    }

    /// Parses the last checkpoint line found anywhere in `text` (a log, a CSV, JSON or HTML export),
    /// and checks its signature. Throws ``LedgerFailure/malformedCheckpoint`` otherwise.
    public static func parse(from text: String) throws(LedgerError) -> Checkpoint {
        guard let start = text.range(of: prefix, options: .backwards) else {
            throw LedgerError(.malformedCheckpoint, diagnostic: "no \"\(prefix)\" line")
        }
        let rest = text[start.upperBound...].prefix { !$0.isNewline && $0 != "\"" && $0 != "<" }
        var fields: [Substring: Substring] = [:]
        for part in rest.split(separator: " ") {
            guard let equals = part.firstIndex(of: "=") else { continue }
            fields[part[..<equals]] = part[part.index(after: equals)...]
        }
        guard let sequenceText = fields["sequence"], let sequence = Int64(sequenceText), sequence >= 0,
              let head = fields["head"], head.count == 64, Data(hexString: String(head)) != nil,
              let atText = fields["at"], let at = Int64(atText),
              let key = fields["key"], let signature = fields["sig"]
        else { throw LedgerError(.malformedCheckpoint, diagnostic: String(rest.prefix(200))) }
        let checkpoint = Checkpoint(sequence: sequence, head: String(head), at: at, key: String(key), signature: String(signature))
        guard checkpoint.isSignatureValid else {
            throw LedgerError(.malformedCheckpoint, diagnostic: "signature does not verify")
        }
        return checkpoint
    }
}
