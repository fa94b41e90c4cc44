public import CCCDIdentity

/// One scanner interface found on the USB bus: what it is, where its device node is, whether the
/// daemon can use it, and what the admin should do about it.
public struct DiscoveredScanner: Sendable, Hashable, Codable {
    /// The sysfs name of the USB device (`1-1.2`): stable for a given port.
    public var usbPath: String
    public var interfaceNumber: Int
    public var id: USBID
    /// From ``KnownScannerVendors``; nil for a device recognised only by its HID POS usage page,
    /// or not recognised at all (listed only on request).
    public var vendor: String?
    /// The device's own manufacturer and product strings.
    public var manufacturer: String?
    public var product: String?
    public var mode: ScannerMode
    /// `/dev/ttyACM0`, `/dev/hidraw2`, `/dev/input/event5`; nil when no driver created one.
    public var node: String?
    public var access: NodeAccess
    public var advice: LocalizedText?

    /// True when the scanner is known by vendor or by a HID POS interface.
    public var isRecognised: Bool { vendor != nil || mode == .hidPOS }

    /// A source reading this scanner with default settings. A HID POS interface without a hidraw
    /// node (kernel without `CONFIG_HIDRAW`) is read through libusb instead; other modes need
    /// their node, so nil without one.
    public func makeSource(reconnect: ReconnectPolicy = .standard) -> (any ScanSource)? {
        guard let node else {
            guard mode == .hidPOS else { return nil }
            return USBHIDPOSScanSource(
                vendorID: id.vendor, productID: id.product, interfaceNumber: Int32(interfaceNumber), reconnect: reconnect)
        }
        return switch mode {
        case .serial: SerialScanSource(path: node, reconnect: reconnect)
        case .hidPOS: HIDRawScanSource(path: node, reconnect: reconnect)
        case .keyboard: KeyboardWedgeScanSource(path: node, reconnect: reconnect)
        }
    }
}
