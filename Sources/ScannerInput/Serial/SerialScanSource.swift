/// A scanner on a serial port: USB CDC-ACM (`/dev/ttyACM*`), a USB-serial bridge
/// (`/dev/ttyUSB*`) or RS-232. The transport carries bytes exactly, so payloads are `.exact`.
///
/// The device path is reopened whenever the scanner disappears (unplug, USB reset), with
/// ``ReconnectPolicy`` backoff; a udev `SYMLINK+=` name keeps the path stable across replugs.
public struct SerialScanSource: ScanSource {
    public let path: String
    public let configuration: SerialConfiguration
    public let reconnect: ReconnectPolicy

    public init(
        path: String,
        configuration: SerialConfiguration = SerialConfiguration(),
        reconnect: ReconnectPolicy = .standard
    ) {
        self.path = path
        self.configuration = configuration
        self.reconnect = reconnect
    }

    public var name: String { path }

    public func scan(_ deliver: @escaping @Sendable (ScanEvent) async -> Void) async throws {
        try configuration.validate()
        try await ReconnectingReader(policy: reconnect).run(
            open: { () throws(ScannerError) in
                OpenedDevice(device: try SerialPort.open(path: path, configuration: configuration))
            },
            makeDecoder: { SerialDecoder(configuration: configuration) },
            deliver: deliver)
    }
}
