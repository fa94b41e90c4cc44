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
    let cases: [DemoCase]
    let material: URL
    let slot: any DemoCardSlot
    let simulator: BHXHSimulator
    let coordinator: PresentationCoordinator

    func patients() -> [DemoPatient] { cases.map(\.patient) }

    func present(_ patientID: String) async throws {
        guard let demo = cases.first(where: { $0.patient.id == patientID }) else { return }
        await coordinator.handle(.clear)
        await slot.remove()
        // Through pcscd, the daemon's reader watch announces the card's comings and goings.
        let announce = slot.pcsc == nil
        if announce { await coordinator.handle(.cardRemoved(reader: slot.reader)) }
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
            await slot.insert(try VirtualCCCDChip(profilePath: profile.path))
            if announce { await coordinator.handle(.cardInserted(reader: slot.reader)) }
        } else {
            // A QR alone: the desk goes on without waiting for a card.
            await coordinator.handle(.retry)
        }
    }
}
