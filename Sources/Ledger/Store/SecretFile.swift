import Foundation
import Glibc

/// A small root-only file holding key material (the device's signing key, the site's pseudonym
/// secret): read when present, otherwise created once with fresh random bytes, mode 0600,
/// `O_EXCL` so two processes starting together cannot each write a different key, and fsynced
/// before use so a key that signed or pseudonymised something survives a power cut.
enum SecretFile {
    /// The file's bytes; nil when it is absent and `create` is false, or cannot be written.
    static func load(_ path: String, create: Bool, fresh: () -> Data) -> Data? {
        if let data = FileManager.default.contents(atPath: path) { return data }
        guard create else { return nil }
        let bytes = [UInt8](fresh())
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            // Lost a race with another process creating it: use theirs.
            return errno == EEXIST ? FileManager.default.contents(atPath: path) : nil
        }
        defer { close(descriptor) }
        guard write(descriptor, bytes, bytes.count) == bytes.count, fsync(descriptor) == 0 else { return nil }
        return Data(bytes)
    }
}
