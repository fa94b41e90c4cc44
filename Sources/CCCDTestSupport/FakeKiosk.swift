/// A kiosk's USB bus as discovery tests expect it, built in a ``FakeSysfs``.
///
/// | usb path | device | what it is |
/// |---|---|---|
/// | 1-1 | Newland 1eab:1a06 | CDC-ACM serial scanner, `ttyACM0` (root:dialout 0660) |
/// | 1-2 | Honeywell 0c2e:0b87 | HID POS scanner, `hidraw0` (root:root 0600) |
/// | 1-3 | Newland 1eab:1a03 | scanner in keyboard mode, `input/event3` (root:root 0640) |
/// | 1-4 | Logitech 046d:c31c | an ordinary keyboard, `input/event2` |
/// | 1-5 | SanDisk 0781:5567 | a USB stick |
/// | 2-1 | unknown 1234:5678 | HID POS by usage page, no known vendor, `hidraw4` |
/// | 2-2 | QinHeng 1a86:7523 | CH340 serial bridge, `ttyUSB0` — node missing from /dev |
public enum FakeKiosk {
    public static let dialoutGroup: UInt32 = 20

    /// Bar code scanner page 0x8C application collection with report ID 2.
    public static let posDescriptor: [UInt8] = [
        0x06, 0x8C, 0x00, 0x09, 0x02, 0xA1, 0x01, 0x85, 0x02, 0x15, 0x00, 0x26, 0xFF, 0x00,
        0x75, 0x08, 0x95, 0x3F, 0x09, 0xFE, 0x82, 0x02, 0x01, 0xC0,
    ]
    /// Generic Desktop / Keyboard application collection (boot keyboard).
    public static let keyboardDescriptor: [UInt8] = [
        0x05, 0x01, 0x09, 0x06, 0xA1, 0x01, 0x05, 0x07, 0x19, 0xE0, 0x29, 0xE7, 0x15, 0x00,
        0x25, 0x01, 0x75, 0x01, 0x95, 0x08, 0x81, 0x02, 0xC0,
    ]

    public static func build(_ sysfs: FakeSysfs) throws {
        try sysfs.addDevice("1-1", vendor: 0x1EAB, product: 0x1A06, manufacturer: "Newland", productName: "NLS-FR40")
        try sysfs.addInterface(device: "1-1", number: 0, usbClass: 0x02, subclass: 0x02, protocol: 0x01, children: ["tty/ttyACM0"])
        try sysfs.addInterface(device: "1-1", number: 1, usbClass: 0x0A)
        try sysfs.addNode("ttyACM0", gid: dialoutGroup, mode: 0o660)

        try sysfs.addDevice("1-2", vendor: 0x0C2E, product: 0x0B87, manufacturer: "Honeywell", productName: "Voyager 1472g")
        try sysfs.addInterface(
            device: "1-2", number: 0, usbClass: 0x03, children: ["0003:0C2E:0B87.0001/hidraw/hidraw0"],
            reportDescriptor: posDescriptor, hidFolder: "0003:0C2E:0B87.0001")
        try sysfs.addNode("hidraw0", mode: 0o600)

        try sysfs.addDevice("1-3", vendor: 0x1EAB, product: 0x1A03, manufacturer: "Newland")
        try sysfs.addInterface(
            device: "1-3", number: 0, usbClass: 0x03, subclass: 0x01, protocol: 0x01,
            children: ["0003:1EAB:1A03.0002/hidraw/hidraw1", "0003:1EAB:1A03.0002/input/input5/event3"],
            reportDescriptor: keyboardDescriptor, hidFolder: "0003:1EAB:1A03.0002")
        try sysfs.addNode("input/event3", mode: 0o640)

        try sysfs.addDevice("1-4", vendor: 0x046D, product: 0xC31C, manufacturer: "Logitech", productName: "USB Keyboard")
        try sysfs.addInterface(
            device: "1-4", number: 0, usbClass: 0x03, subclass: 0x01, protocol: 0x01,
            children: ["0003:046D:C31C.0003/input/input2/event2"],
            reportDescriptor: keyboardDescriptor, hidFolder: "0003:046D:C31C.0003")
        try sysfs.addNode("input/event2", mode: 0o660)

        try sysfs.addDevice("1-5", vendor: 0x0781, product: 0x5567, manufacturer: "SanDisk")
        try sysfs.addInterface(device: "1-5", number: 0, usbClass: 0x08, subclass: 0x06, protocol: 0x50)

        try sysfs.addDevice("2-1", vendor: 0x1234, product: 0x5678)
        try sysfs.addInterface(
            device: "2-1", number: 0, usbClass: 0x03, children: ["0003:1234:5678.0004/hidraw/hidraw4"],
            reportDescriptor: posDescriptor, hidFolder: "0003:1234:5678.0004")
        try sysfs.addNode("hidraw4", mode: 0o600)

        try sysfs.addDevice("2-2", vendor: 0x1A86, product: 0x7523)
        try sysfs.addInterface(device: "2-2", number: 0, usbClass: 0xFF, subclass: 0x01, protocol: 0x02, children: ["ttyUSB0/tty/ttyUSB0"])
    }
}
