import CCCDIdentity

/// Finds attached QR scanners by walking sysfs, without opening any device.
///
/// Each USB interface is judged by what it is, not by marketing names: a tty under it (CDC-ACM
/// class 02/0A, or a vendor-class USB-serial bridge) is a serial scanner; a HID interface whose
/// report descriptor has usage page 0x8C is HID POS; a HID keyboard (descriptor, or boot
/// keyboard class 03/01/01) is a scanner in keyboard mode. Known vendors' serial and keyboard
/// interfaces are listed; other vendors' only when they are HID POS, or on request (every
/// keyboard on the kiosk would otherwise be listed).
public struct ScannerDiscovery: Sendable {
    /// `/sys` normally; tests pass a fake tree.
    public var sysfsRoot: String
    /// `/dev` normally; device nodes are `<deviceRoot>/ttyACM0`, `<deviceRoot>/input/event3`.
    public var deviceRoot: String
    public var identity: AccessIdentity

    public init(sysfsRoot: String = "/sys", deviceRoot: String = "/dev", identity: AccessIdentity = .current) {
        self.sysfsRoot = sysfsRoot
        self.deviceRoot = deviceRoot
        self.identity = identity
    }

    public func discover(includeUnrecognised: Bool = false) throws(ScannerError) -> [DiscoveredScanner] {
        let bus = SysfsDirectory(path: sysfsRoot + "/bus/usb/devices")
        guard bus.isDirectory else { throw .sysfsUnreadable(bus.path) }
        let names = bus.entries
        return names.filter { !$0.contains(":") }.flatMap { deviceName -> [DiscoveredScanner] in
            let device = bus.child(deviceName)
            guard let vendor = device.hex("idVendor"), let product = device.hex("idProduct") else { return [] }
            let id = USBID(vendor: vendor, product: product)
            return names.filter { $0.hasPrefix(deviceName + ":") }.compactMap { interfaceName in
                scanner(device: device, usbPath: deviceName, id: id, interface: bus.child(interfaceName).resolved)
            }.filter { includeUnrecognised || $0.isRecognised }
        }
    }

    private func scanner(device: SysfsDirectory, usbPath: String, id: USBID, interface: SysfsDirectory) -> DiscoveredScanner? {
        guard let (mode, node) = classify(interface) else { return nil }
        let access = node.map {
            NodeAccess.check($0, needsWrite: mode == .serial, for: identity)
        } ?? NodeAccess(usable: false, problem: LocalizedText(
            vi: "Chưa có nút thiết bị: trình điều khiển nhân chưa nhận giao diện này",
            en: "No device node: no kernel driver is bound to this interface"))
        return DiscoveredScanner(
            usbPath: usbPath,
            interfaceNumber: Int(interface.hex("bInterfaceNumber") ?? 0),
            id: id,
            vendor: KnownScannerVendors.name(for: id),
            manufacturer: device.text("manufacturer"),
            product: device.text("product"),
            mode: mode, node: node, access: access, advice: mode.advice)
    }

    /// The interface's mode and device node, or nil when it is not a scanner input at all.
    private func classify(_ interface: SysfsDirectory) -> (ScannerMode, String?)? {
        let descendants = interface.descendants(depth: 4)
        func node(prefix: String, under folder: String) -> String? {
            descendants.first {
                let number = $0.name.dropFirst(prefix.count)
                return $0.name.hasPrefix(prefix) && !number.isEmpty && number.allSatisfy(\.isASCII) && number.allSatisfy(\.isNumber)
            }
                .map { "\(deviceRoot)\(folder)/\($0.name)" }
        }
        let usbClass = interface.hex("bInterfaceClass")
        if let tty = node(prefix: "ttyACM", under: "") ?? node(prefix: "ttyUSB", under: "") {
            return (.serial, tty)
        }
        if usbClass == 0x02 { return (.serial, nil) }  // CDC-ACM with no driver bound
        guard usbClass == 0x03 else { return nil }
        let descriptor = descendants.lazy.compactMap { $0.directory.bytes("report_descriptor") }.first
            .flatMap { try? HIDReportDescriptor($0) }
        let hidraw = node(prefix: "hidraw", under: "")
        let event = node(prefix: "event", under: "/input")
        if descriptor?.isBarcodeScanner == true { return (.hidPOS, hidraw) }
        let bootKeyboard = interface.hex("bInterfaceSubClass") == 0x01 && interface.hex("bInterfaceProtocol") == 0x01
        if descriptor?.isKeyboard == true || (descriptor == nil && bootKeyboard) { return (.keyboard, event) }
        return nil
    }
}

extension ScannerError {
    static func sysfsUnreadable(_ path: String) -> ScannerError {
        ScannerError(
            code: "scanner.discovery.sysfsUnreadable",
            message: LocalizedText(
                vi: "Không đọc được danh sách thiết bị USB ở \(path)",
                en: "Cannot read the USB device list at \(path)"),
            recovery: .reconfigure)
    }
}
