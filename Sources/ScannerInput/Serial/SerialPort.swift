import Glibc

/// Opens a tty for a scanner: raw mode, the configured speed, exclusive use.
///
/// `O_NOCTTY` so a scanner never becomes the daemon's controlling terminal; `O_NONBLOCK` because
/// reads go through `poll()`; `TIOCEXCL` so nothing else (ModemManager probing a new ttyACM, a
/// second daemon) opens the port while we read it. Raw mode (`cfmakeraw`) turns off echo, line
/// editing, CR/LF translation and signal characters: every byte reaches the framer unchanged.
enum SerialPort {
    static func open(path: String, configuration: SerialConfiguration) throws(ScannerError) -> FileDevice {
        let speed = try BaudRate.speed(for: configuration.baudRate)
        let fd = Glibc.open(path, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw .opening(path, errno: errno) }
        do {
            try configure(fd, path: path, speed: speed)
        } catch {
            Glibc.close(fd)
            throw error
        }
        if configuration.discardStaleInput { tcflush(fd, TCIFLUSH) }
        return FileDevice(fd: fd)
    }

    private static func configure(_ fd: Int32, path: String, speed: speed_t) throws(ScannerError) {
        var options = termios()
        guard tcgetattr(fd, &options) == 0 else {
            let code = errno
            if code == ENOTTY || code == EINVAL {
                throw .notATerminal(path, diagnostic: SystemError.describe(code))
            }
            throw .opening(path, errno: code)
        }
        cfmakeraw(&options)
        options.c_cflag |= tcflag_t(CLOCAL | CREAD)
        withUnsafeMutableBytes(of: &options.c_cc) { controlCharacters in
            controlCharacters[Int(VMIN)] = 1
            controlCharacters[Int(VTIME)] = 0
        }
        guard cfsetispeed(&options, speed) == 0, cfsetospeed(&options, speed) == 0,
              tcsetattr(fd, TCSANOW, &options) == 0
        else {
            throw .opening(path, errno: errno)
        }
        if ioctl(fd, UInt(TIOCEXCL)) != 0 {
            throw .opening(path, errno: errno)
        }
    }
}
