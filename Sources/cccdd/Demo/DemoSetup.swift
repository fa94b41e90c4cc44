import BHXHSimulator
import EligibilityGateways
import Foundation
import KioskConfiguration
import KioskHTTP

/// `cccdd --demo`: the embedded default that needs no hardware and no network — the BHXH
/// simulator on loopback with the demo scenario, virtual cards on a virtual reader (pcscd's vpcd
/// reader when there is one, else in process), a ledger and trust store in a temporary folder,
/// and a configuration made for them.
struct DemoSetup: Sendable {
    let folder: URL
    let material: URL
    let simulator: BHXHSimulator
    let slot: any DemoCardSlot

    /// Which reader the demo's cards go on (`--demo-reader`).
    enum ReaderChoice: String, CaseIterable, Sendable {
        /// vpcd's reader when pcscd has a free one, else in process.
        case auto
        /// vpcd's reader or nothing: the demo refuses to start without it.
        case vpcd
        case inProcess = "in-process"
    }

    /// Starts the simulator and lays out the demo's folder; `material` is what
    /// `scripts/make-vcard-keys.sh` made (cards with keys and signed EF.SODs, the test CSCAs).
    static func start(
        material: URL, scenario: URL, reader: ReaderChoice
    ) async throws -> (DemoSetup, DaemonConfiguration, ResolvedSecrets) {
        let slot = try await cardSlot(reader)
        let loaded = try Scenario.load(from: scenario)
        let simulator = try await BHXHSimulator.start(scenario: loaded)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cccdd-demo-\(UUID().uuidString.prefix(8))")
        let trust = folder.appendingPathComponent("trust/csca")
        try FileManager.default.createDirectory(at: trust, withIntermediateDirectories: true)
        for family in ["brainpool", "rsa"] {
            let csca = material.appendingPathComponent("pki/csca-\(family).pem")
            try FileManager.default.copyItem(at: csca, to: trust.appendingPathComponent("csca-\(family).pem"))
        }
        var configuration = DaemonConfiguration.defaults
        configuration.site.facility = "01001"
        configuration.site.kiosk = "demo"
        configuration.scanners.mode = .none
        // Only the demo's reader: a real reader on the machine is not part of the demo.
        configuration.readers.include = [slot.reader]
        configuration.verification.trustStore = folder.appendingPathComponent("trust").path
        configuration.gateway.chain = [.bhxh, .offline]
        // No answer cache: each demo presentation asks the simulator, so outages show at once.
        configuration.gateway.cacheWindow = .zero
        configuration.gateway.bhxh.baseURL = simulator.baseURL
        configuration.gateway.bhxh.username = loaded.accounts.first?.username ?? ""
        configuration.gateway.bhxh.staffName = loaded.staff.first?.name ?? ""
        configuration.gateway.bhxh.staffID = loaded.staff.first?.cccd ?? ""
        configuration.gateway.bhxh.requestTimeout = .seconds(5)
        configuration.ledger.path = folder.appendingPathComponent("ledger.sqlite").path
        configuration.ledger.deviceKeyFile = folder.appendingPathComponent("device.key").path
        configuration.ledger.checkpointInterval = .seconds(60)
        configuration.recheck.firstDelay = .seconds(10)
        configuration.http.socket = folder.appendingPathComponent("cccdd.sock").path
        configuration.http.tokenFile = folder.appendingPathComponent("token").path
        let secrets = ResolvedSecrets(
            bhxhPassword: Secret(loaded.accounts.first?.password ?? ""), hisSigningSecret: nil,
            siteKey: Data(AccessTokens.random().utf8))
        return (DemoSetup(folder: folder, material: material, simulator: simulator, slot: slot), configuration, secrets)
    }

    private static func cardSlot(_ choice: ReaderChoice) async throws -> any DemoCardSlot {
        switch choice {
        case .inProcess: return InProcessCardSlot()
        case .auto: return await VPCDCardSlot.find() ?? InProcessCardSlot()
        case .vpcd:
            guard let slot = await VPCDCardSlot.find() else { throw DemoUnavailable.noVPCDReader }
            return slot
        }
    }

    func stop() async {
        await slot.remove()
        await simulator.stop()
        try? FileManager.default.removeItem(at: folder)
    }
}

enum DemoUnavailable: Error, CustomStringConvertible {
    case noVPCDReader

    var description: String {
        "no free vpcd reader in pcscd (is pcscd running, with Debian's vsmartcard-vpcd installed?)"
    }
}
