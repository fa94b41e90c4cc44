import CCCDIdentity
import Foundation

/// What a hidraw node says it is, from `/sys/class/hidraw/hidrawN/device/report_descriptor`.
///
/// Lets the hidraw source notice it was pointed at the wrong interface — a keyboard's hidraw
/// node, or the vendor interface of a composite scanner — instead of silently reading nothing.
enum HIDRawIdentity {
    /// The node's report descriptor; nil when sysfs has none (not a hidraw node, e.g. a FIFO).
    static func descriptor(of nodePath: String, sysfsRoot: String) -> HIDReportDescriptor? {
        let name = URL(fileURLWithPath: nodePath).resolvingSymlinksInPath().lastPathComponent
        let file = "\(sysfsRoot)/class/hidraw/\(name)/device/report_descriptor"
        guard let data = FileManager.default.contents(atPath: file) else { return nil }
        return try? HIDReportDescriptor(Array(data))
    }

    /// A notice when the node is a HID device but not a bar code scanner.
    static func notice(for nodePath: String, sysfsRoot: String) -> ScannerError? {
        guard let descriptor = descriptor(of: nodePath, sysfsRoot: sysfsRoot), !descriptor.isBarcodeScanner else {
            return nil
        }
        let usages = descriptor.applications
            .map { "0x" + String($0.page, radix: 16) + "/0x" + String($0.id, radix: 16) }
            .joined(separator: ", ")
        return ScannerError(
            code: "scanner.hidpos.notBarcodeScanner",
            message: LocalizedText(
                vi: "\(nodePath) không phải giao diện HID POS (trang sử dụng 0x8c)\(descriptor.isKeyboard ? ", mà là bàn phím" : "")",
                en: "\(nodePath) is not a HID POS interface (usage page 0x8c)\(descriptor.isKeyboard ? " but a keyboard" : "")"),
            diagnostic: "application usages: \(usages.isEmpty ? "none" : usages)",
            recovery: .reconfigure)
    }
}
