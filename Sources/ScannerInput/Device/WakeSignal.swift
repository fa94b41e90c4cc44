import CCCDIdentity
import Glibc

/// A self-pipe that interrupts a reader thread's `poll()` when the reading task is cancelled.
///
/// Once signalled it stays readable (nothing drains it), so every later wait returns at once: a
/// cancelled reader never blocks again. (A pipe rather than an eventfd: Glibc's Swift module exports
/// neither `eventfd` nor `pipe2`.)
final class WakeSignal: Sendable {
    /// The end `poll()` waits on.
    let fd: Int32
    private let writeEnd: Int32

    init() throws(ScannerError) {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else {
            throw ScannerError(
                code: "scanner.system.pipe",
                message: LocalizedText(
                    vi: "Hệ thống thiếu tài nguyên để đọc máy quét",
                    en: "The system ran out of resources for reading the scanner"),
                diagnostic: SystemError.describe(errno), recovery: .retry)
        }
        for end in ends {
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
        }
        fd = ends[0]
        writeEnd = ends[1]
    }

    func signal() {
        var one: UInt8 = 1
        _ = Glibc.write(writeEnd, &one, 1)
    }

    /// For readers that cannot poll the fd (libusb transfers): checked between short waits.
    var isSignalled: Bool {
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, 0) > 0
    }

    deinit {
        Glibc.close(fd)
        Glibc.close(writeEnd)
    }
}
