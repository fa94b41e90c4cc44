import Foundation
import Glibc

/// A machine-wide lock held as an `flock` on a file: released on ``release()`` or when the
/// process dies, so a crashed test run never wedges the next one.
struct RigLock: Sendable {
    private let descriptor: Int32

    /// Polls every 50 ms until the lock is free (waiting is cancellable).
    static func acquire(path: String) async throws -> RigLock {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw ChildProcessError(description: "cannot open \(path): errno \(errno)") }
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            do {
                try await Task.sleep(for: .milliseconds(50))
            } catch {
                close(fd)
                throw error
            }
        }
        return RigLock(descriptor: fd)
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
