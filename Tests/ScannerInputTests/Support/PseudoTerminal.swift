import Glibc

/// A real pseudo-terminal pair: the test writes to the master as the scanner would, the source
/// under test opens the slave path as it would open `/dev/ttyACM0`.
final class PseudoTerminal {
    private(set) var master: Int32
    let slavePath: String

    /// What `posix_openpt` + `grantpt` + `unlockpt` + `ptsname` do in glibc, spelled with the
    /// kernel's own calls: Swift's Glibc module does not export those four (they need
    /// `_XOPEN_SOURCE`). `grantpt` is a no-op on devpts, so it has no counterpart here.
    init() throws {
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard master >= 0 else { throw TestFailure("open /dev/ptmx failed: errno \(errno)") }
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard ioctl(master, Self.setLock, &unlock) == 0, ioctl(master, Self.getNumber, &number) == 0 else {
            Glibc.close(master)
            throw TestFailure("unlocking the pty failed: errno \(errno)")
        }
        self.master = master
        self.slavePath = "/dev/pts/\(number)"
    }

    /// `TIOCSPTLCK` = `_IOW('T', 0x31, int)` and `TIOCGPTN` = `_IOR('T', 0x30, unsigned int)`.
    private static let setLock: UInt = 0x4004_5431
    private static let getNumber: UInt = 0x8004_5430

    /// Writes as the scanner: all of `bytes`, in as many write() calls as the kernel needs.
    func write(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(master, $0.baseAddress, $0.count) }
            guard written > 0 else { throw TestFailure("write to pty master failed: errno \(errno)") }
            offset += written
        }
    }

    /// Unplugs the "scanner": the slave side sees a hang-up.
    func close() {
        guard master >= 0 else { return }
        Glibc.close(master)
        master = -1
    }

    deinit { close() }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
