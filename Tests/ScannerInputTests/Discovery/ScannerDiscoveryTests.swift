import Testing
import CCCDTestSupport
@testable import ScannerInput

/// Discovery against fake sysfs trees shaped like the kernel's (see `FakeKiosk`).
@Suite("USB scanner discovery from sysfs")
struct ScannerDiscoveryTests {
    /// An unprivileged service user in no device group.
    private static let serviceUser = AccessIdentity(userName: "cccd", uid: 990, groups: [990])

    private func discover(
        as identity: AccessIdentity = serviceUser, includeUnrecognised: Bool = false
    ) async throws -> [DiscoveredScanner] {
        try await withTemporaryDirectory { folder in
            let sysfs = try FakeSysfs(in: folder)
            try FakeKiosk.build(sysfs)
            return try ScannerDiscovery(
                sysfsRoot: sysfs.sysfsRoot.path, deviceRoot: sysfs.deviceRoot.path, identity: identity
            ).discover(includeUnrecognised: includeUnrecognised)
            .map { scanner in
                // Node paths contain the temp folder; compare them relative to the fake /dev.
                var scanner = scanner
                scanner.node = scanner.node.map { "/dev" + $0.dropFirst(sysfs.deviceRoot.path.count) }
                return scanner
            }
        }
    }

    @Test("names each scanner, its mode and node; hides keyboards and sticks of unknown vendors")
    func kiosk() async throws {
        let found = try await discover()
        #expect(found.map(\.usbPath) == ["1-1", "1-2", "1-3", "2-1", "2-2"])
        #expect(found.map(\.mode) == [.serial, .hidPOS, .keyboard, .hidPOS, .serial])
        #expect(found.map(\.node) == ["/dev/ttyACM0", "/dev/hidraw0", "/dev/input/event3", "/dev/hidraw4", "/dev/ttyUSB0"])
        #expect(found.map(\.vendor) == ["Newland", "Honeywell (Metrologic)", "Newland", nil,
                                        "generic scanner (QinHeng CH34x serial bridge)"])
        #expect(found.first?.id == USBID(vendor: 0x1EAB, product: 0x1A06))
        #expect(found.first?.product == "NLS-FR40")
    }

    @Test("keyboard mode comes with advice to switch to CDC or HID POS")
    func keyboardAdvice() async throws {
        let found = try await discover()
        let wedge = try #require(found.first { $0.mode == .keyboard })
        #expect(wedge.advice?.en.contains("HID POS") == true)
        #expect(wedge.advice?.vi.contains("chế độ bàn phím") == true)
        #expect(found.filter { $0.mode != .keyboard }.allSatisfy { $0.advice == nil })
    }

    @Test("usable is judged by owner, group and mode for the service user")
    func accessForServiceUser() async throws {
        let found = try await discover()
        #expect(found.map(\.access.usable) == [false, false, false, false, false])
        let serial = try #require(found.first)
        #expect(serial.access.problem?.en.contains("'cccd' may not read and write") == true)
        #expect(serial.access.problem?.en.contains("add the user to group dialout") == true)
        #expect(found[1].access.problem?.en.contains("install a udev rule for this node") == true)
        #expect(found[4].access.problem?.en.contains("does not exist") == true)

        let inDialout = try await discover(as: AccessIdentity(userName: "cccd", uid: 990, groups: [990, FakeKiosk.dialoutGroup]))
        #expect(inDialout.map(\.access.usable) == [true, false, false, false, false])
        #expect(inDialout.first?.access.problem == nil)
    }

    @Test("root can open every existing node")
    func accessForRoot() async throws {
        let found = try await discover(as: AccessIdentity(uid: 0, groups: [0]))
        #expect(found.map(\.access.usable) == [true, true, true, true, false])
    }

    @Test("on request, unknown vendors' keyboards are listed too; a USB stick never is")
    func includeUnrecognised() async throws {
        let found = try await discover(includeUnrecognised: true)
        #expect(found.map(\.usbPath) == ["1-1", "1-2", "1-3", "1-4", "2-1", "2-2"])
        let keyboard = try #require(found.first { $0.usbPath == "1-4" })
        #expect(keyboard.mode == .keyboard && keyboard.vendor == nil && !keyboard.isRecognised)
    }

    @Test("a CDC interface without its driver is listed without a node")
    func unboundCDC() async throws {
        try await withTemporaryDirectory { folder in
            let sysfs = try FakeSysfs(in: folder)
            try sysfs.addDevice("3-1", vendor: 0x0483, product: 0x5740)
            try sysfs.addInterface(device: "3-1", number: 0, usbClass: 0x02, subclass: 0x02, protocol: 0x01)
            let found = try ScannerDiscovery(sysfsRoot: sysfs.sysfsRoot.path, deviceRoot: sysfs.deviceRoot.path).discover()
            #expect(found.count == 1)
            #expect(found.first?.mode == .serial && found.first?.node == nil)
            #expect(found.first?.access.usable == false)
            #expect(found.first?.vendor == "generic scanner (STM32 virtual COM port)")
            #expect(found.first?.makeSource() == nil)
        }
    }

    @Test("a HID POS interface without a hidraw node is read through libusb")
    func hidPOSWithoutHidraw() async throws {
        try await withTemporaryDirectory { folder in
            let sysfs = try FakeSysfs(in: folder)
            try sysfs.addDevice("3-3", vendor: 0x0C2E, product: 0x0B87)
            try sysfs.addInterface(
                device: "3-3", number: 1, usbClass: 0x03, children: ["0003:0C2E:0B87.000A"],
                reportDescriptor: FakeKiosk.posDescriptor, hidFolder: "0003:0C2E:0B87.000A")
            let found = try ScannerDiscovery(sysfsRoot: sysfs.sysfsRoot.path, deviceRoot: sysfs.deviceRoot.path).discover()
            #expect(found.map(\.mode) == [.hidPOS])
            let source = try #require(found.first?.makeSource() as? USBHIDPOSScanSource)
            #expect(source.name == "0c2e:0b87" && source.interfaceNumber == 1)
        }
    }

    @Test("a boot keyboard whose descriptor cannot be read is still recognised as keyboard mode")
    func bootKeyboardWithoutDescriptor() async throws {
        try await withTemporaryDirectory { folder in
            let sysfs = try FakeSysfs(in: folder)
            try sysfs.addDevice("3-2", vendor: 0x05E0, product: 0x1200)
            try sysfs.addInterface(
                device: "3-2", number: 0, usbClass: 0x03, subclass: 0x01, protocol: 0x01,
                children: ["0003:05E0:1200.0009/input/input9/event9"])
            let found = try ScannerDiscovery(sysfsRoot: sysfs.sysfsRoot.path, deviceRoot: sysfs.deviceRoot.path).discover()
            #expect(found.map(\.mode) == [.keyboard])
            #expect(found.first?.node == sysfs.deviceRoot.path + "/input/event9")
        }
    }

    @Test("sources made from discovery read the right kind of device")
    func sources() async throws {
        let found = try await discover()
        #expect(found[0].makeSource() is SerialScanSource)
        #expect(found[1].makeSource() is HIDRawScanSource)
        #expect(found[2].makeSource() is KeyboardWedgeScanSource)
        #expect(found[0].makeSource()?.name == "/dev/ttyACM0")
    }

    @Test("a missing sysfs is a typed error")
    func missingSysfs() async throws {
        try await withTemporaryDirectory { folder in
            _ = #expect(throws: ScannerError.sysfsUnreadable(folder.path + "/bus/usb/devices")) {
                try ScannerDiscovery(sysfsRoot: folder.path).discover()
            }
        }
    }
}
