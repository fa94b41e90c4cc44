import CCCDTestSupport
import Foundation

/// Runs the real `udevadm test` (systemd 252 has no `udevadm verify`) on the installed rules against
/// scanner devices that exist only in a miniature sysfs.
///
/// `udevadm test` reads the rules from /etc, /run and /usr/lib and the device from /sys, and it
/// creates the symlinks in /dev and a database entry in /run/udev. So it runs in a private mount
/// namespace (`unshare --mount`, root only) where /run and /dev are fresh tmpfs, /sys is the fake
/// tree, and /etc/group is the installed root's (with the `cccdd` group sysusers created): nothing
/// of it reaches the host.
struct UdevSandbox {
    let folder: URL
    var sysfs: URL { folder.appendingPathComponent("sys") }

    init(in folder: URL) throws {
        self.folder = folder
        let pci = "devices/pci0000:00/0000:00:14.0"
        try device(pci, subsystem: "pci", uevent: ["PCI_SLOT_NAME=0000:00:14.0"])
        try device("\(pci)/usb1", subsystem: "usb", uevent: ["DEVTYPE=usb_device", "BUSNUM=001", "DEVNUM=001"])
    }

    /// A USB device on root-hub port `port` with one interface, and `node` below that interface: the
    /// class device folder path (intermediate folders are plain), its subsystem, and its uevent.
    /// Returns the node's syspath as seen inside the sandbox.
    func addUSBDevice(
        port: Int, vendor: String, product: String, interfaceClass: String,
        node: String, subsystem: String, uevent: [String]
    ) throws -> String {
        let usb = "devices/pci0000:00/0000:00:14.0/usb1/1-\(port)"
        try device(usb, subsystem: "usb", uevent: [
            "DEVTYPE=usb_device", "MAJOR=189", "MINOR=\(port)", "DEVNAME=bus/usb/001/00\(port)",
            "PRODUCT=\(vendor)/\(product)/100",
        ])
        try write("\(vendor)\n", to: "\(usb)/idVendor")
        try write("\(product)\n", to: "\(usb)/idProduct")
        let interface = "\(usb)/1-\(port):1.0"
        try device(interface, subsystem: "usb", uevent: ["DEVTYPE=usb_interface", "INTERFACE=\(interfaceClass)"])
        let path = "\(interface)/\(node)"
        try device(path, subsystem: subsystem, uevent: uevent)
        return "/sys/\(path)"
    }

    /// `udevadm test --action=add SYSPATH` with `rules` as the only rules file of its own.
    func test(syspath: String, rules: URL, group: URL, passwd: URL) async throws -> ProcessOutcome {
        guard let udevadm = which("udevadm") else { throw PackagingTestError(description: "udevadm not installed") }
        let script = """
            set -e
            mount -t tmpfs tmpfs /run
            mount -t tmpfs tmpfs /dev
            mkdir -p /run/udev/rules.d
            cp "$2" /run/udev/rules.d/70-cccdd.rules
            mount --bind "$1" /sys
            mount --bind "$3" /etc/group
            mount --bind "$4" /etc/passwd
            # The fake /sys is not a sysfs mount; this tells sd-device to accept it.
            exec env SYSTEMD_DEVICE_VERIFY_SYSFS=0 "$5" test --action=add "$6"
            """
        return try await runProcess(
            URL(fileURLWithPath: "/usr/bin/unshare"),
            ["--mount", "--propagation", "private", "/bin/sh", "-c", script, "sh",
             sysfs.path, rules.path, group.path, passwd.path, udevadm.path, syspath])
    }

    /// A sysfs device folder: `uevent`, and `subsystem` linking to its class or bus (udev reads only
    /// the link's last component).
    private func device(_ path: String, subsystem: String, uevent: [String]) throws {
        let url = sysfs.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try write(uevent.joined(separator: "\n") + "\n", to: "\(path)/uevent")
        let kind = ["tty", "hidraw", "input", "video4linux"].contains(subsystem) ? "class" : "bus"
        try FileManager.default.createSymbolicLink(
            atPath: url.appendingPathComponent("subsystem").path, withDestinationPath: "/sys/\(kind)/\(subsystem)")
    }

    private func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: sysfs.appendingPathComponent(path))
    }
}
