import Glibc

/// A HID POS scanner read through the kernel's hidraw node (`/dev/hidraw*`).
///
/// hidraw leaves the scanner to the usbhid driver (no detaching), returns one input report per
/// `read()`, and only needs read permission; the node is root-only by default, so a udev rule
/// must give the service's group access (see linux-integration.md §3). Where hidraw is not
/// available, ``USBHIDPOSScanSource`` reads the same reports through libusb.
public struct HIDRawScanSource: ScanSource {
    public let path: String
    public let configuration: HIDPOSConfiguration
    public let reconnect: ReconnectPolicy

    public init(
        path: String,
        configuration: HIDPOSConfiguration = HIDPOSConfiguration(),
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
                let fd = Glibc.open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
                guard fd >= 0 else { throw .opening(path, errno: errno) }
                return OpenedDevice(device: FileDevice(fd: fd))
            },
            makeDecoder: { HIDPOSDecoder(configuration: configuration) },
            deliver: deliver)
    }
}
