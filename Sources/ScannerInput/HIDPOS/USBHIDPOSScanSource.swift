/// A HID POS scanner read through libusb, for systems without hidraw (kernels built without
/// `CONFIG_HIDRAW`, or containers that only pass `/dev/bus/usb` through).
///
/// Opens the first device with the given vendor and product ID, lets libusb detach the kernel's
/// usbhid driver from the interface (and reattach it on release), claims the interface and reads
/// its interrupt-IN endpoint. The reports go through the same ``HIDPOSReassembler`` as hidraw's.
///
/// UNTESTED: no test exercises this type — it needs a real USB HID POS scanner (there is no
/// software USB device on the test machine, and `usbip`/dummy_hcd need kernel modules CI cannot
/// load). What is untested: device matching by VID/PID, kernel-driver auto-detach, interface
/// claiming, interrupt endpoint discovery, transfer timeouts and partial transfers, and
/// `LIBUSB_ERROR_NO_DEVICE` on unplug. It is compiled on every build; the reassembly it feeds is
/// tested through hidraw-shaped reports.
public struct USBHIDPOSScanSource: ScanSource {
    public let vendorID: UInt16
    public let productID: UInt16
    /// The HID POS interface of a composite device (`bInterfaceNumber`, 0 for most scanners).
    public let interfaceNumber: Int32
    public let configuration: HIDPOSConfiguration
    public let reconnect: ReconnectPolicy

    public init(
        vendorID: UInt16,
        productID: UInt16,
        interfaceNumber: Int32 = 0,
        configuration: HIDPOSConfiguration = HIDPOSConfiguration(),
        reconnect: ReconnectPolicy = .standard
    ) {
        self.vendorID = vendorID
        self.productID = productID
        self.interfaceNumber = interfaceNumber
        self.configuration = configuration
        self.reconnect = reconnect
    }

    public var name: String { USBID(vendor: vendorID, product: productID).description }

    public func scan(_ deliver: @escaping @Sendable (ScanEvent) async -> Void) async throws {
        try configuration.validate()
        let target = USBID(vendor: vendorID, product: productID)
        try await ReconnectingReader(policy: reconnect).run(
            open: { () throws(ScannerError) in
                OpenedDevice(device: try LibUSBDevice.open(target, interfaceNumber: interfaceNumber))
            },
            makeDecoder: { HIDPOSDecoder(configuration: configuration) },
            deliver: deliver)
    }
}
