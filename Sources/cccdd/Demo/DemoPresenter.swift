import CCCDIdentity
import Foundation
import KioskHTTP
import KioskPipeline
import BHXHSimulator
import VirtualChip

/// The demo's control: presents a sample patient the way the desk would see one — the virtual
/// scanner reads the QR, the virtual card goes on the virtual reader — through the same pipeline
/// as real hardware. Exists only in `cccdd --demo`.
struct DemoPresenter: DemoControl {
    static let reader = "Demo reader (virtual) 00 00"
    let cases: [DemoCase]
    let material: URL
    let terminal: InProcessChipTerminal
    let simulator: BHXHSimulator
    let coordinator: PresentationCoordinator

    func patients() -> [DemoPatient] { cases.map(\.patient) }

    func present(_ patientID: String) async throws {
        guard let demo = cases.first(where: { $0.patient.id == patientID }) else { return }
        await coordinator.handle(.clear)
        terminal.remove(from: Self.reader)
        await coordinator.handle(.cardRemoved(reader: Self.reader))
        await simulator.setOutage(demo.gatewayDown)
        let scanned: ScannedQR
        do {
            scanned = try ScannedQR.parse(bytes: Array(demo.qrPayload.utf8))
        } catch {
            await coordinator.handle(.unreadableScan(error))
            return
        }
        await coordinator.handle(.scanned(scanned))
        if let card = demo.card {
            let profile = material.appendingPathComponent(card).appendingPathComponent("\(card).json")
            terminal.insert(try VirtualCCCDChip(profilePath: profile.path), into: Self.reader)
            await coordinator.handle(.cardInserted(reader: Self.reader))
        } else {
            // A QR alone: the desk goes on without waiting for a card.
            await coordinator.handle(.retry)
        }
    }
}
