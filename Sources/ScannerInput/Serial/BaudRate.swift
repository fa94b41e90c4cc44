import Glibc

/// The termios speed constants for the baud rates scanners use.
enum BaudRate {
    private static let speeds: [Int: Int32] = [
        1200: B1200, 2400: B2400, 4800: B4800, 9600: B9600, 19200: B19200, 38400: B38400,
        57600: B57600, 115200: B115200, 230400: B230400, 460800: B460800, 921600: B921600,
    ]

    static func speed(for baud: Int) throws(ScannerError) -> speed_t {
        guard let speed = speeds[baud] else { throw .unsupportedBaudRate(baud) }
        return speed_t(speed)
    }
}
