import Glibc

/// A device read through a file descriptor: tty, hidraw, evdev node, or a FIFO/pty in tests.
///
/// `poll()` waits on the device and the wake eventfd together, so cancellation interrupts a wait
/// immediately instead of after a polling interval.
struct FileDevice: BlockingDevice {
    let fd: Int32

    func read(maxBytes: Int, timeout: Duration?, wake: WakeSignal) -> DeviceRead {
        var entries = [
            pollfd(fd: fd, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wake.fd, events: Int16(POLLIN), revents: 0),
        ]
        let milliseconds = timeout?.pollMilliseconds ?? -1
        var buffer = [UInt8](repeating: 0, count: max(1, maxBytes))
        while true {
            entries[0].revents = 0
            entries[1].revents = 0
            let ready = poll(&entries, 2, milliseconds)
            if ready < 0 {
                if errno == EINTR { continue }
                return .gone(reason: SystemError.describe(errno))
            }
            if ready == 0 { return .quiet }
            if entries[1].revents != 0 { return .cancelled }
            let events = Int32(entries[0].revents)
            if events & Int32(POLLNVAL) != 0 { return .gone(reason: "descriptor closed") }
            let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count > 0 { return .data(Array(buffer[0..<count])) }
            if count == 0 { return .gone(reason: "end of file") }
            let code = errno
            let hungUp = events & Int32(POLLHUP | POLLERR) != 0
            if (code == EAGAIN || code == EINTR) && !hungUp { continue }
            return .gone(reason: hungUp && code == EAGAIN ? "hang-up" : SystemError.describe(code))
        }
    }

    func close() {
        _ = Glibc.close(fd)
    }
}
