import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// The kiosk API's credentials for one daemon run.
///
/// - The **session token** (per boot, random) authenticates every API request, as the
///   `cccdd_session` cookie the page gets or an `Authorization: Bearer` header; it is written 0600
///   for the kiosk launcher and never logged.
/// - **Login tokens** are one-time: the URL `cccdd --demo` prints carries one, and the page
///   exchanges it for the session cookie, so a leaked URL from a browser history is already spent.
public final class AccessTokens: Sendable {
    public let sessionToken: String
    private let unusedLogins = Mutex<Set<String>>([])

    public init(sessionToken: String = AccessTokens.random()) {
        self.sessionToken = sessionToken
    }

    /// 32 random bytes as hex, from the system's CSPRNG.
    public static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    public func issueLoginToken() -> String {
        let token = Self.random()
        unusedLogins.withLock { _ = $0.insert(token) }
        return token
    }

    /// True once for each issued login token; the per-boot session token (the launcher's) is
    /// always accepted.
    public func redeemLogin(_ token: String) -> Bool {
        if Self.constantTimeEqual(token, sessionToken) { return true }
        return unusedLogins.withLock { $0.remove(token) != nil }
    }

    public func isSessionToken(_ candidate: String) -> Bool {
        Self.constantTimeEqual(candidate, sessionToken)
    }

    /// The session token already in `path` when it is one of ours (64 hex digits, owner-only), else
    /// a new one written there. `/run` is emptied at every boot, so the token lives exactly one
    /// boot: a daemon restarted by systemd keeps it, and the kiosk page's cookie stays valid.
    public static func forThisBoot(path: String) throws -> AccessTokens {
        if let attributes = try? FileManager.default.attributesOfItem(atPath: path),
           (attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600,
           let text = try? String(contentsOfFile: path, encoding: .utf8),
           text.count == 64, text.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) {
            return AccessTokens(sessionToken: text)
        }
        let tokens = AccessTokens()
        try tokens.writeSessionToken(to: path)
        return tokens
    }

    /// Writes the session token to `path` with mode 0600 (replacing an older one atomically).
    public func writeSessionToken(to path: String) throws {
        let temporary = path + ".tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(sessionToken.utf8), attributes: [.posixPermissions: 0o600]),
              rename(temporary, path) == 0 else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
    }

    /// Compares without an early exit, so response timing does not reveal a matching prefix.
    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
