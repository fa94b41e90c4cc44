import Glibc

/// A HID POS scanner read through the kernel's hidraw node (`/dev/hidraw*`).
///
/// hidraw leaves the scanner to the usbhid driver (no detaching), returns one input report per
/// `read()`, and only needs read permission; the node is root-only by default, so a udev rule
/// must give the service's group access (see linux-integration.md §3). A node whose report
/// descriptor is not a bar code scanner's (a keyboard's hidraw) is read anyway but reported as
/// `.degraded`, since its reports will not parse. Where hidraw is not
/// available, ``USBHIDPOSScanSource`` reads the same reports through libusb.
public struct HIDRawScanSource: ScanSource {
    public let path: String
    public let configuration: HIDPOSConfiguration
    public let reconnect: ReconnectPolicy
    /// Where to look up the node's report descriptor (`/sys`; tests pass a fake tree).
    public let sysfsRoot: String

    public init(
        path: String,
        configuration: HIDPOSConfiguration = HIDPOSConfiguration(),
        reconnect: ReconnectPolicy = .standard,
        sysfsRoot: String = "/sys"
    ) {
        self.path = path
        self.configuration = configuration
        self.reconnect = reconnect
        self.sysfsRoot = sysfsRoot
    }

    public var name: String { path }

    public func scan(_ deliver: @escaping @Sendable (ScanEvent) async -> Void) async throws {
        try configuration.validate()
        try await ReconnectingReader(policy: reconnect).run(
            open: { () throws(ScannerError) in
                let fd = Glibc.open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
                guard fd >= 0 else { throw .opening(path, errno: errno) }
                let notices = HIDRawIdentity.notice(for: path, sysfsRoot: sysfsRoot).map { [$0] } ?? []
                return OpenedDevice(device: FileDevice(fd: fd), notices: notices)
            },
            makeDecoder: { HIDPOSDecoder(configuration: configuration) },
            deliver: deliver)
    }
}
