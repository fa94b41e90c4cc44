import Foundation
import Glibc

/// A named pipe standing in for a device node: the source opens the path as it would open
/// `/dev/hidraw0` or `/dev/input/event3`; the test writes recorded reports or input events into it.
struct FIFO {
    let path: String

    init(in folder: URL, name: String) throws {
        path = folder.appendingPathComponent(name).path
        guard mkfifo(path, 0o600) == 0 else { throw TestFailure("mkfifo failed: errno \(errno)") }
    }

    /// Opens the writing end (the source must already be reading), writes each record with one
    /// `write()` — records up to PIPE_BUF bytes arrive whole — and closes, which the source sees as
    /// the device going away.
    func write(records: [[UInt8]]) throws {
        let writer = try FIFOWriter(path: path)
        defer { writer.close() }
        for record in records { try writer.write(record) }
    }
}

/// A FIFO's writing end kept open, for tests that must not signal end-of-device yet.
final class FIFOWriter {
    private var fd: Int32

    init(path: String) throws {
        fd = open(path, O_WRONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw TestFailure("opening FIFO for writing failed: errno \(errno)") }
    }

    func write(_ record: [UInt8]) throws {
        let written = record.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        guard written == record.count else { throw TestFailure("short FIFO write: errno \(errno)") }
    }

    func close() {
        guard fd >= 0 else { return }
        Glibc.close(fd)
        fd = -1
    }

    deinit { close() }
}
