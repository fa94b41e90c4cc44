import CCCDTestSupport
import Foundation
import Synchronization
import Testing
@testable import ScannerInput

/// Auto mode over time, against a fake sysfs tree changed while the fleet looks.
@Suite("Scanners plugged in, replugged and unplugged while the daemon runs")
struct ScannerFleetTests {
    private static func plugSerialScanner(_ sysfs: FakeSysfs, usbPath: String, node: String) throws {
        try sysfs.addDevice(usbPath, vendor: 0x1EAB, product: 0x1A06, manufacturer: "Newland", productName: "NLS-FR40")
        try sysfs.addInterface(device: usbPath, number: 0, usbClass: 0x02, subclass: 0x02, protocol: 0x01, children: ["tty/\(node)"])
        try sysfs.addNode(node, mode: 0o660)
    }

    private static func unplug(_ sysfs: FakeSysfs, usbPath: String, node: String) throws {
        try FileManager.default.removeItem(at: sysfs.sysfsRoot.appendingPathComponent("bus/usb/devices/\(usbPath)"))
        try FileManager.default.removeItem(at: sysfs.deviceRoot.appendingPathComponent(node))
    }

    /// Everything the fleet reported so far, collected by a reader task.
    private final class Seen: Sendable {
        let changes = Mutex<[ScannerFleet.Change]>([])

        /// Waits (at most 5 s) until `count` changes arrived; returns them.
        func first(_ count: Int) async -> [ScannerFleet.Change] {
            let deadline = ContinuousClock.now + .seconds(5)
            while ContinuousClock.now < deadline, changes.withLock({ $0.count }) < count {
                try? await Task.sleep(for: .milliseconds(20))
            }
            return changes.withLock { $0 }
        }
    }

    @Test("a scanner plugged in after start appears; an unplugged one vanishes; a failed look changes nothing")
    func followsThePlugs() async throws {
        try await withTemporaryDirectory { folder in
            let sysfs = try FakeSysfs(in: folder)
            try Self.plugSerialScanner(sysfs, usbPath: "1-1", node: "ttyACM0")
            let fleet = ScannerFleet(
                discovery: ScannerDiscovery(sysfsRoot: sysfs.sysfsRoot.path, deviceRoot: sysfs.deviceRoot.path,
                                            identity: AccessIdentity(uid: 0, groups: [0])),
                interval: .milliseconds(50))
            let node = { (name: String) in sysfs.deviceRoot.appendingPathComponent(name).path }
            let seen = Seen()
            let reader = Task { for await change in fleet.changes() { seen.changes.withLock { $0.append(change) } } }
            defer { reader.cancel() }

            var changes = await seen.first(1)
            guard case .appeared(let first)? = changes.first else { Issue.record("no first scanner: \(changes)"); return }
            #expect(first.node == node("ttyACM0"))
            #expect(first.mode == .serial)

            try Self.plugSerialScanner(sysfs, usbPath: "1-2", node: "ttyACM1")
            changes = await seen.first(2)
            guard changes.count == 2, case .appeared(let second) = changes[1] else { Issue.record("the new scanner was not found: \(changes)"); return }
            #expect(second.node == node("ttyACM1"))

            try Self.unplug(sysfs, usbPath: "1-1", node: "ttyACM0")
            changes = await seen.first(3)
            #expect(changes.count == 3 && changes[2] == .vanished(node: node("ttyACM0")))

            // sysfs unreadable for a while: one failure, and no scanner "vanishes" meanwhile.
            let bus = sysfs.sysfsRoot.appendingPathComponent("bus/usb/devices")
            let aside = sysfs.sysfsRoot.appendingPathComponent("bus/usb/aside")
            try FileManager.default.moveItem(at: bus, to: aside)
            changes = await seen.first(4)
            guard changes.count == 4, case .lookFailed(let error) = changes[3] else { Issue.record("no lookFailed: \(changes)"); return }
            #expect(error.code.hasPrefix("scanner."))
            try await Task.sleep(for: .milliseconds(200))
            try FileManager.default.moveItem(at: aside, to: bus)
            try Self.plugSerialScanner(sysfs, usbPath: "1-3", node: "ttyACM2")
            changes = await seen.first(5)
            #expect(changes.count == 5, "one failure only, and nothing vanished: \(changes)")
            guard changes.count == 5, case .appeared(let third) = changes[4] else { Issue.record("nothing after recovery: \(changes)"); return }
            #expect(third.node == node("ttyACM2"))
        }
    }
}
