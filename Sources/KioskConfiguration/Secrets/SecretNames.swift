import Foundation

/// Recognises keys that would hold a secret inline (`password = "…"`, `site-key = "…"`).
///
/// The schema names secrets only through `…-credential` (a systemd credential's name) and
/// `…-file` (a path), so any other key that sounds secret is someone pasting a password.
enum SecretNames {
    static let words = ["password", "passwd", "passphrase", "token", "secret", "site-key", "api-key",
                        "private-key", "device-key", "hmac"]

    static func looksSecret(_ name: String) -> Bool {
        let lowered = name.lowercased().replacingOccurrences(of: "_", with: "-")
        guard !lowered.hasSuffix("-file"), !lowered.hasSuffix("-credential") else { return false }
        return words.contains { lowered.contains($0) }
    }
}
