/// How a serial (USB CDC-ACM or RS-232) scanner is read.
public struct SerialConfiguration: Sendable, Hashable {
    /// The suffix the scanner is programmed to send after each scan.
    public enum Terminator: String, Sendable, Hashable, CaseIterable, Codable {
        case carriageReturn = "cr"
        case lineFeed = "lf"
        case carriageReturnLineFeed = "crlf"
        /// No suffix: only ``SerialConfiguration/interByteTimeout`` ends a frame.
        case none
    }

    /// Line speed. USB CDC-ACM scanners ignore it; RS-232 scanners must match (9600 is the
    /// common factory default).
    public var baudRate: Int
    public var terminator: Terminator
    /// A frame also ends when no byte arrives for this long — the only frame end when the
    /// scanner sends no suffix, and a safety net when it sends a different one than configured.
    public var interByteTimeout: Duration
    /// Longest frame accepted. A QR code holds at most 2,953 bytes (version 40, binary); anything
    /// longer is line noise or a hostile device and is discarded whole, never buffered without bound.
    public var maximumFrameLength: Int
    /// Drop bytes that were waiting in the port before we opened it: a scan made while the daemon
    /// was restarting belongs to a patient who may have left.
    public var discardStaleInput: Bool

    public init(
        baudRate: Int = 9600,
        terminator: Terminator = .carriageReturn,
        interByteTimeout: Duration = .milliseconds(100),
        maximumFrameLength: Int = 4096,
        discardStaleInput: Bool = true
    ) {
        self.baudRate = baudRate
        self.terminator = terminator
        self.interByteTimeout = interByteTimeout
        self.maximumFrameLength = maximumFrameLength
        self.discardStaleInput = discardStaleInput
    }

    /// Rejects settings no scanner can work with, before any device is opened.
    func validate() throws(ScannerError) {
        guard maximumFrameLength > 0 else {
            throw .invalidConfiguration("maximumFrameLength must be positive")
        }
        guard interByteTimeout > .zero else {
            throw .invalidConfiguration("interByteTimeout must be positive")
        }
        _ = try BaudRate.speed(for: baudRate)
    }
}
