import CCCDIdentity

/// The top-level application collections of a HID report descriptor (pure: tests feed it bytes).
///
/// Discovery reads `/sys/class/hidraw/hidrawN/device/report_descriptor` and looks at what each
/// interface says it is: usage page 0x8C (bar code scanner) is a HID POS scanner, Generic Desktop
/// / Keyboard (0x01/0x06) is a keyboard — possibly a scanner in keyboard-wedge mode.
public struct HIDReportDescriptor: Sendable, Equatable {
    public struct Usage: Sendable, Hashable {
        public var page: UInt16
        public var id: UInt16
    }

    /// The usage of every top-level Application collection, in order.
    public let applications: [Usage]

    public static let barcodeScannerPage: UInt16 = 0x8C

    public var isBarcodeScanner: Bool { applications.contains { $0.page == Self.barcodeScannerPage } }
    public var isKeyboard: Bool { applications.contains { $0 == Usage(page: 0x01, id: 0x06) } }

    public init(_ bytes: [UInt8]) throws(ScannerError) {
        var applications: [Usage] = []
        var usagePage: UInt16 = 0
        var pageStack: [UInt16] = []
        var localUsages: [Usage] = []
        var depth = 0
        var index = 0
        while index < bytes.count {
            let prefix = bytes[index]
            if prefix == 0xFE {  // long item: size, tag, data — carries no usages we need
                guard index + 2 < bytes.count else { throw .descriptorTruncated }
                index += 3 + Int(bytes[index + 1])
                continue
            }
            let size = [0, 1, 2, 4][Int(prefix & 0x03)]
            guard index + size < bytes.count else { throw .descriptorTruncated }
            var value: UInt32 = 0
            for offset in 0..<size { value |= UInt32(bytes[index + 1 + offset]) << (8 * offset) }
            index += 1 + size
            switch (prefix >> 2 & 0x03, prefix >> 4) {
            case (1, 0x0): usagePage = UInt16(truncatingIfNeeded: value)
            case (1, 0xA): pageStack.append(usagePage)
            case (1, 0xB): usagePage = pageStack.popLast() ?? usagePage
            case (2, 0x0):
                localUsages.append(size == 4
                    ? Usage(page: UInt16(truncatingIfNeeded: value >> 16), id: UInt16(truncatingIfNeeded: value))
                    : Usage(page: usagePage, id: UInt16(truncatingIfNeeded: value)))
            case (0, 0xA):
                if depth == 0 && value == 0x01 {
                    applications.append(localUsages.first ?? Usage(page: usagePage, id: 0))
                }
                depth += 1
                localUsages = []
            case (0, 0xC):
                depth = max(0, depth - 1)
                localUsages = []
            case (0, _):
                localUsages = []
            default:
                break
            }
        }
        self.applications = applications
    }
}

extension ScannerError {
    static var descriptorTruncated: ScannerError {
        ScannerError(
            code: "scanner.hid.descriptorTruncated",
            message: LocalizedText(
                vi: "Bộ mô tả báo cáo HID bị cắt cụt",
                en: "The HID report descriptor is truncated"),
            recovery: .reconfigure)
    }
}
