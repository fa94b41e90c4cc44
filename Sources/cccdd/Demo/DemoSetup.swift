import BHXHSimulator
import EligibilityGateways
import Foundation
import KioskConfiguration
import KioskHTTP
import VirtualChip

/// `cccdd --demo`: the embedded default that needs no hardware and no network — the BHXH
/// simulator on loopback with the demo scenario, virtual cards on a virtual reader (in process),
/// a ledger and trust store in a temporary folder, and a configuration made for them.
struct DemoSetup: Sendable {
    let folder: URL
    let material: URL
    let simulator: BHXHSimulator
    let terminal = InProcessChipTerminal()

    /// Starts the simulator and lays out the demo's folder; `material` is what
    /// `scripts/make-vcard-keys.sh` made (cards with keys and signed EF.SODs, the test CSCAs).
    static func start(material: URL, scenario: URL) async throws -> (DemoSetup, DaemonConfiguration, ResolvedSecrets) {
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
        return (DemoSetup(folder: folder, material: material, simulator: simulator), configuration, secrets)
    }

    func stop() async {
        await simulator.stop()
        try? FileManager.default.removeItem(at: folder)
    }
}
