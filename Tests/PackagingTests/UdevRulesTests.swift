import CCCDTestSupport
import Foundation
import Glibc
import Testing

/// The installed udev rules, parsed and applied by systemd 252's own `udevadm test` to scanners in
/// each mode (and to a device they must leave alone), inside a private mount namespace.
@Suite(
    .serialized,
    .enabled(if: which("udevadm") != nil, "needs udevadm (the udev package, TEST_DEBS)"),
    .enabled(if: getuid() == 0, "needs root for a private mount namespace")
)
struct UdevRulesTests {
    struct Scanner: Sendable, CustomStringConvertible {
        var description: String
        var vendor: String, product: String, interfaceClass: String
        var node: String, subsystem: String, uevent: [String]
        /// Properties and links the rules must produce; nil for a device they must not claim.
        var expectedLinks: [String]?
        var expectedProperties: [String]
    }

    static let scanners: [Scanner] = [
        Scanner(description: "Newland in CDC-ACM mode", vendor: "1eab", product: "1a06", interfaceClass: "2/2/1",
                node: "tty/ttyACM0", subsystem: "tty", uevent: ["MAJOR=166", "MINOR=0", "DEVNAME=ttyACM0"],
                expectedLinks: ["/dev/cccd/scanner-serial-0", "/dev/cccd/by-path/pci-0000_00_14_0-usb-0_2_1_0-serial"],
                expectedProperties: ["ID_MM_DEVICE_IGNORE=1", "CCCDD_SCANNER=1"]),
        Scanner(description: "Honeywell in HID POS mode", vendor: "0c2e", product: "0b01", interfaceClass: "3/0/0",
                node: "0003:0C2E:0B01.0001/hidraw/hidraw0", subsystem: "hidraw",
                uevent: ["MAJOR=245", "MINOR=0", "DEVNAME=hidraw0"],
                expectedLinks: ["/dev/cccd/scanner-hidraw-0", "/dev/cccd/by-path/pci-0000_00_14_0-usb-0_2_1_0-hidraw"],
                expectedProperties: ["CCCDD_SCANNER=1"]),
        Scanner(description: "Zebra in keyboard mode", vendor: "05e0", product: "1200", interfaceClass: "3/1/1",
                node: "0003:05E0:1200.0002/input/input5/event3", subsystem: "input",
                uevent: ["MAJOR=13", "MINOR=67", "DEVNAME=input/event3"],
                expectedLinks: ["/dev/cccd/scanner-keyboard-3"],
                expectedProperties: ["LIBINPUT_IGNORE_DEVICE=1", "CCCDD_SCANNER=1"]),
        Scanner(description: "a generic STM32 CDC scanner", vendor: "0483", product: "5740", interfaceClass: "2/2/1",
                node: "tty/ttyACM1", subsystem: "tty", uevent: ["MAJOR=166", "MINOR=1", "DEVNAME=ttyACM1"],
                expectedLinks: ["/dev/cccd/scanner-serial-1"], expectedProperties: ["ID_MM_DEVICE_IGNORE=1"]),
        Scanner(description: "a plain CH340 USB-serial cable (not a scanner)", vendor: "1a86", product: "7523",
                interfaceClass: "255/1/2", node: "ttyUSB0/tty/ttyUSB0", subsystem: "tty",
                uevent: ["MAJOR=188", "MINOR=0", "DEVNAME=ttyUSB0"], expectedLinks: nil, expectedProperties: []),
        Scanner(description: "an STM32 board that is not the scanner id", vendor: "0483", product: "3748",
                interfaceClass: "2/2/1", node: "tty/ttyACM2", subsystem: "tty",
                uevent: ["MAJOR=166", "MINOR=2", "DEVNAME=ttyACM2"], expectedLinks: nil, expectedProperties: []),
    ]

    @Test(arguments: scanners)
    func rulesGiveScannersToTheServiceAndNothingElse(_ scanner: Scanner) async throws {
        try await withTemporaryDirectory { folder in
            let installed = try await Installation.make(in: folder)
            try installed.addHostBasics()
            let sysusers = try await runProcess(
                URL(fileURLWithPath: "/usr/bin/systemd-sysusers"), ["--root=\(installed.root.path)"])
            try #require(sysusers.status == 0, "\(sysusers.stderrText)")
            let group = try String(contentsOfFile: installed.path("etc/group"), encoding: .utf8)
            let gid = try #require(group.split(separator: "\n").first { $0.hasPrefix("cccdd:") }?
                .split(separator: ":", omittingEmptySubsequences: false)[2])

            let sandbox = try UdevSandbox(in: folder)
            let syspath = try sandbox.addUSBDevice(
                port: 2, vendor: scanner.vendor, product: scanner.product, interfaceClass: scanner.interfaceClass,
                node: scanner.node, subsystem: scanner.subsystem, uevent: scanner.uevent)
            let outcome = try await sandbox.test(
                syspath: syspath, rules: installed.root.appendingPathComponent("usr/lib/udev/rules.d/70-cccdd.rules"),
                group: installed.root.appendingPathComponent("etc/group"),
                passwd: installed.root.appendingPathComponent("etc/passwd"))
            let log = outcome.stdoutText + outcome.stderrText
            try #require(outcome.status == 0, "udevadm test failed:\n\(log)")
            let lines = log.split(separator: "\n").map(String.init)

            // Parsed cleanly: udev reports a bad line as "FILE:LINE <problem>, ignoring" and goes on.
            let complaints = lines.filter { $0.hasPrefix("/run/udev/rules.d/70-cccdd.rules:") }
            #expect(complaints.isEmpty, "rule problems:\n\(complaints.joined(separator: "\n"))")

            let properties = Set(lines)
            let devlinks = lines.first { $0.hasPrefix("DEVLINKS=") }?.dropFirst("DEVLINKS=".count)
                .split(separator: " ").map(String.init) ?? []
            let applied = lines.filter { $0.contains("70-cccdd.rules:") && !$0.hasPrefix("/run/") }
            if let expectedLinks = scanner.expectedLinks {
                #expect(Set(devlinks).isSuperset(of: expectedLinks), "links: \(devlinks)\n\(log)")
                #expect(applied.contains { $0.hasSuffix(" GROUP \(gid)") }, "group cccdd (\(gid)) not applied:\n\(log)")
                #expect(applied.contains { $0.hasSuffix(" MODE 0660") }, "\(log)")
                for property in scanner.expectedProperties {
                    #expect(properties.contains(property), "\(property) missing:\n\(log)")
                }
            } else {
                #expect(devlinks.allSatisfy { !$0.hasPrefix("/dev/cccd/") }, "claimed: \(devlinks)")
                #expect(applied.isEmpty, "rules applied to a device that is not a scanner:\n\(applied.joined(separator: "\n"))")
                #expect(!properties.contains("CCCDD_SCANNER=1"))
            }
        }
    }

    /// The check is real: a rule with a trailing comment (invalid in udev) is reported.
    @Test func aBrokenRuleIsReported() async throws {
        try await withTemporaryDirectory { folder in
            let installed = try await Installation.make(in: folder)
            try installed.addHostBasics()
            let rules = folder.appendingPathComponent("broken.rules")
            try Data("SUBSYSTEM==\"tty\", MODE=\"0660\" # trailing comment\n".utf8).write(to: rules)
            let sandbox = try UdevSandbox(in: folder)
            let syspath = try sandbox.addUSBDevice(
                port: 3, vendor: "1eab", product: "1a06", interfaceClass: "2/2/1",
                node: "tty/ttyACM0", subsystem: "tty", uevent: ["MAJOR=166", "MINOR=0", "DEVNAME=ttyACM0"])
            let outcome = try await sandbox.test(
                syspath: syspath, rules: rules, group: installed.root.appendingPathComponent("etc/group"),
                passwd: installed.root.appendingPathComponent("etc/passwd"))
            let log = outcome.stdoutText + outcome.stderrText
            #expect(log.contains("/run/udev/rules.d/70-cccdd.rules:1 Invalid"), "\(log)")
        }
    }
}
