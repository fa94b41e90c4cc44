import CCCDIdentity
import Glibc

/// A scanner in keyboard mode, read from its evdev node (`/dev/input/event*`).
///
/// A last resort: keyboard mode cannot carry Vietnamese letters, so CCCD payloads arrive marked
/// `.mangled` (the ID number and dates survive and can still open the chip). Tell the admin to
/// switch the scanner to USB CDC or HID POS. Any readable file of `input_event` records works as
/// the path (a FIFO replaying a recording); grabbing is then impossible, which is reported as
/// `.degraded` rather than failing.
public struct KeyboardWedgeScanSource: ScanSource {
    public let path: String
    public let configuration: KeyboardWedgeConfiguration
    public let reconnect: ReconnectPolicy

    public init(
        path: String,
        configuration: KeyboardWedgeConfiguration = KeyboardWedgeConfiguration(),
        reconnect: ReconnectPolicy = .standard
    ) {
        self.path = path
        self.configuration = configuration
        self.reconnect = reconnect
    }

    public var name: String { path }

    /// `EVIOCGRAB` = `_IOW('E', 0x90, int)`: direction write (1 << 30), size 4 (<< 16), type 'E'
    /// (0x45 << 8), number 0x90.
    static let grabRequest: UInt = (1 << 30) | (4 << 16) | (0x45 << 8) | 0x90

    public func scan(_ deliver: @escaping @Sendable (ScanEvent) async -> Void) async throws {
        try configuration.validate()
        try await ReconnectingReader(policy: reconnect).run(
            open: open,
            makeDecoder: { KeyboardWedgeChunkDecoder(configuration: configuration) },
            deliver: deliver)
    }

    private func open() throws(ScannerError) -> OpenedDevice {
        let fd = Glibc.open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw .opening(path, errno: errno) }
        var notices: [ScannerError] = []
        if configuration.grabKeystrokes && ioctl(fd, Self.grabRequest, Int32(1)) != 0 {
            let code = errno
            if code == EBUSY {
                Glibc.close(fd)
                throw .deviceBusy(path, diagnostic: "another program grabbed the input device")
            }
            notices.append(.keystrokesNotGrabbed(path, diagnostic: SystemError.describe(code)))
        }
        return OpenedDevice(device: FileDevice(fd: fd), notices: notices)
    }
}

extension ScannerError {
    static func keystrokesNotGrabbed(_ path: String, diagnostic: String?) -> ScannerError {
        ScannerError(
            code: "scanner.wedge.notGrabbed",
            message: LocalizedText(
                vi: "Không chiếm được \(path): phím quét có thể lọt vào màn hình làm việc",
                en: "Could not grab \(path): scanned keystrokes may also reach the desktop"),
            diagnostic: diagnostic, recovery: .reconfigure)
    }
}
