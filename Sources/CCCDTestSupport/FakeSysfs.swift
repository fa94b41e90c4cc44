public import Foundation
import Glibc

/// A miniature `/sys` and `/dev` in a temporary folder, shaped like the kernel's: real device
/// directories under `devices/`, and `bus/usb/devices/<name>` symlinks pointing at them, so USB
/// discovery can be tested without hardware.
public struct FakeSysfs: Sendable {
    public let sysfsRoot: URL
    public let deviceRoot: URL

    public init(in folder: URL) throws {
        sysfsRoot = folder.appendingPathComponent("sys", isDirectory: true)
        deviceRoot = folder.appendingPathComponent("dev", isDirectory: true)
        for url in [sysfsRoot.appendingPathComponent("bus/usb/devices"), deviceRoot.appendingPathComponent("input")] {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }
    }

    /// A USB device (`1-1.2`) with its ID and strings.
    public func addDevice(_ name: String, vendor: UInt16, product: UInt16, manufacturer: String? = nil, productName: String? = nil) throws {
        let folder = try realDirectory(name)
        try write(String(format: "%04x\n", vendor), to: folder.appendingPathComponent("idVendor"))
        try write(String(format: "%04x\n", product), to: folder.appendingPathComponent("idProduct"))
        if let manufacturer { try write(manufacturer + "\n", to: folder.appendingPathComponent("manufacturer")) }
        if let productName { try write(productName + "\n", to: folder.appendingPathComponent("product")) }
    }

    /// An interface (`1-1.2:1.0`) with its class triple, the class-device folders the driver would
    /// create under it (`tty/ttyACM0`, `0003:1EAB:1A03.0001/hidraw/hidraw0`, …), and a HID report
    /// descriptor placed in the HID device folder.
    public func addInterface(
        device: String, number: Int, usbClass: UInt8, subclass: UInt8 = 0, protocol: UInt8 = 0,
        children: [String] = [], reportDescriptor: [UInt8]? = nil, hidFolder: String? = nil
    ) throws {
        let folder = try realDirectory("\(device):1.\(number)")
        try write(String(format: "%02x\n", number), to: folder.appendingPathComponent("bInterfaceNumber"))
        try write(String(format: "%02x\n", usbClass), to: folder.appendingPathComponent("bInterfaceClass"))
        try write(String(format: "%02x\n", subclass), to: folder.appendingPathComponent("bInterfaceSubClass"))
        try write(String(format: "%02x\n", `protocol`), to: folder.appendingPathComponent("bInterfaceProtocol"))
        for child in children {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(child), withIntermediateDirectories: true)
        }
        if let reportDescriptor, let hidFolder {
            let hid = folder.appendingPathComponent(hidFolder)
            try FileManager.default.createDirectory(at: hid, withIntermediateDirectories: true)
            try Data(reportDescriptor).write(to: hid.appendingPathComponent("report_descriptor"))
        }
        // The kernel links `driver` back up the tree; discovery must not follow it.
        try? FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent("driver"), withDestinationURL: sysfsRoot.appendingPathComponent("bus"))
    }

    /// A device node (a plain file standing in for it) with owner, group and mode.
    public func addNode(_ relativePath: String, uid: UInt32 = 0, gid: UInt32 = 0, mode: UInt32 = 0o600) throws {
        let url = deviceRoot.appendingPathComponent(relativePath)
        guard FileManager.default.createFile(atPath: url.path, contents: Data()),
              chown(url.path, uid, gid) == 0, chmod(url.path, mode_t(mode)) == 0
        else { throw CocoaError(.fileWriteUnknown) }
    }

    private func realDirectory(_ name: String) throws -> URL {
        let real = sysfsRoot.appendingPathComponent("devices/pci0000:00/0000:00:14.0/usb1/\(name)", isDirectory: true)
        try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            at: sysfsRoot.appendingPathComponent("bus/usb/devices/\(name)"), withDestinationURL: real)
        return real
    }

    private func write(_ text: String, to url: URL) throws {
        try Data(text.utf8).write(to: url)
    }
}
