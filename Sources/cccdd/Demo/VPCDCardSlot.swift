import ChipProtocol
import Foundation
import SmartCardReader
import Synchronization
import VirtualCard
import VirtualChip

/// vpcd's reader in pcscd, with the demo's cards plugged in over vpcd's socket on loopback
/// (``VPCDConnection``, as `cccd-vcard` does).
final class VPCDCardSlot: DemoCardSlot {
    let reader: String
    let port: UInt16
    let service: PCSCService
    private let card = Mutex<VPCDConnection?>(nil)

    var terminal: any ChipTerminal { PCSCChipTerminal(service: service) }
    var pcsc: PCSCService? { service }

    private init(reader: String, port: UInt16, service: PCSCService) {
        self.reader = reader
        self.port = port
        self.service = service
    }

    /// vpcd's first free reader when pcscd answers and has one, else nil. vpcd's readers are
    /// "Virtual PCD 00 00" and "… 00 01" on ports 35963 and 35964 (its reader.conf); one with a
    /// card already in it belongs to someone else (a test rig, `cccd-vcard serve`).
    static func find() async -> VPCDCardSlot? {
        // A short back-off: a machine without pcscd should not delay the demo's start.
        let service = PCSCService(configuration: .init(recoveryBackoff: [.milliseconds(50)]))
        guard let readers = try? await service.readers() else { return nil }
        let ports: [String: UInt16] = ["00 00": VPCDConnection.firstReaderPort, "00 01": VPCDConnection.secondReaderPort]
        for status in readers where status.name.hasPrefix("Virtual PCD") && !status.cardPresent {
            guard let port = ports.first(where: { status.name.hasSuffix($0.key) })?.value else { continue }
            return VPCDCardSlot(reader: status.name, port: port, service: PCSCService())
        }
        return nil
    }

    func insert(_ chip: VirtualCCCDChip) async {
        let connection = VPCDConnection(engine: chip, port: port)
        connection.insert()
        card.withLock { $0 = connection }
        await waitForReader(cardPresent: true)
    }

    func remove() async {
        guard let connection = card.withLock({ $0.take() }) else { return }
        connection.remove()
        // The next card must arrive as a new insertion, so wait until pcscd saw this one go
        // (it polls vpcd about every 400 ms).
        await waitForReader(cardPresent: false)
    }

    /// Polls pcscd for at most 3 s: a demo click must not hang on a wedged pcscd; the pipeline's
    /// own timeouts report a card that never arrived.
    private func waitForReader(cardPresent: Bool) async {
        let deadline = ContinuousClock.now + .seconds(3)
        while ContinuousClock.now < deadline {
            let present = (try? await service.readers())?.first { $0.name == reader }?.cardPresent
            if present == cardPresent { return }
            try? await Task.sleep(for: .milliseconds(50))
        }
    }
}
