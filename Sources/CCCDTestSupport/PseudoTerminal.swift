import Glibc
import Synchronization

/// A real pseudo-terminal pair for serial tests: the test writes to the master as the scanner
/// would, the code under test opens the slave path as it would open `/dev/ttyACM0`.
public final class PseudoTerminal: Sendable {
    private let master: Mutex<Int32>
    /// `/dev/pts/N`: the path the code under test opens.
    public let slavePath: String

    /// What `posix_openpt` + `grantpt` + `unlockpt` + `ptsname` do in glibc, spelled with the
    /// kernel's own calls: Swift's Glibc module does not export those four (they need
    /// `_XOPEN_SOURCE`). `grantpt` is a no-op on devpts, so it has no counterpart here.
    public init() throws {
        let fd = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else { throw PseudoTerminalError("open /dev/ptmx failed: errno \(errno)") }
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard ioctl(fd, Self.setLock, &unlock) == 0, ioctl(fd, Self.getNumber, &number) == 0 else {
            Glibc.close(fd)
            throw PseudoTerminalError("unlocking the pty failed: errno \(errno)")
        }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        master = Mutex(fd)
        slavePath = "/dev/pts/\(number)"
    }

    /// `TIOCSPTLCK` = `_IOW('T', 0x31, int)` and `TIOCGPTN` = `_IOR('T', 0x30, unsigned int)`.
    private static let setLock: UInt = 0x4004_5431
    private static let getNumber: UInt = 0x8004_5430

    /// Writes as the scanner: all of `bytes`, in as many write() calls as the kernel needs.
    ///
    /// The master is non-blocking and a full buffer is waited out for at most `patience`: a
    /// reader that stopped reading fails the test instead of blocking its thread forever.
    public func write(_ bytes: [UInt8], patience: Duration = .seconds(10)) throws {
        try master.withLock { fd in
            var offset = 0
            while offset < bytes.count {
                let written = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
                if written > 0 {
                    offset += written
                    continue
                }
                guard written < 0, errno == EAGAIN || errno == EINTR else {
                    throw PseudoTerminalError("write to pty master failed: errno \(errno)")
                }
                var entry = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                let (seconds, attoseconds) = patience.components
                let milliseconds = Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000)
                guard poll(&entry, 1, milliseconds) > 0 else {
                    throw PseudoTerminalError("pty buffer stayed full: nobody is reading the slave")
                }
            }
        }
    }

    /// Unplugs the "scanner": the slave side sees a hang-up.
    public func close() {
        master.withLock { fd in
            guard fd >= 0 else { return }
            Glibc.close(fd)
            fd = -1
        }
    }

    deinit { close() }
}

public struct PseudoTerminalError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
