import AsyncHTTPClient
import BHXHSimulator
import CardVerification
import CCCDIdentity
import CCCDTestSupport
import Eligibility
import EligibilityGateways
import Foundation
import KioskPipeline
import Ledger
import Logging
import VirtualChip

/// The pipeline with real parts: virtual chips (the sample cards, keys and EF.SODs made by
/// `scripts/make-vcard-keys.sh`) on an in-process reader, the real verifier over the test CSCAs,
/// the BHXH client against `bhxh-sim` on loopback (the demo scenario), a real ledger file.
struct PipelineRig {
    static let reader = "Test reader 00 00"
    static let password = "demo-mat-khau"

    let coordinator: PresentationCoordinator
    let bus: EventBus
    let terminal: InProcessChipTerminal
    let ledger: Ledger
    let simulator: BHXHSimulator
    let material: VirtualCardMaterial
    let pseudonymizer: SubjectPseudonymizer

    static var available: Bool { VirtualCardMaterial.toolsAvailable }

    static func run(
        joinWindow: Duration = .seconds(5), hold: Duration = .seconds(30), readers: [String] = [reader],
        _ body: (PipelineRig) async throws -> Void
    ) async throws {
        try await withTemporaryDirectory { folder in
            let material = try await VirtualCardMaterial.make(in: folder.appendingPathComponent("cards"))
            var scenario = try Scenario.load(from: BuiltProducts.repository.appendingPathComponent("Samples/bhxh-sim/demo-scenario.json"))
            scenario.latency = nil
            scenario.requestsPerMinutePerAccount = nil
            let simulator = try await BHXHSimulator.start(scenario: scenario)
            let client = HTTPClient.eligibilityClient(connectTimeout: .seconds(2))
            do {
                let bhxh = BHXHConfiguration(
                    baseURL: simulator.baseURL, username: "01001_BV", password: Secret(password), staffName: "Lê Thị Tiếp Đón",
                    staffID: "001186000777", requestTimeout: .seconds(3), retryDelay: .milliseconds(1))
                let gateway = GatewayChain.make(
                    [.network(BHXHEgwGateway(configuration: bhxh, httpClient: client)), .offline],
                    breaker: .init(failureThreshold: 50, openDuration: .seconds(1)), cacheWindow: .zero)!
                let trust = try TrustSnapshot.load(TrustSources(cscaFiles: [material.csca("brainpool"), material.csca("rsa")]))
                let verifier = CardVerifier(trust: trust)
                let ledger = try Ledger(path: folder.appendingPathComponent("ledger.sqlite").path, signer: DeviceKey())
                let pseudonymizer = try SubjectPseudonymizer(secret: Data("test-site-key-0123456789".utf8))
                let terminal = InProcessChipTerminal()
                let bus = EventBus()
                let coordinator = PresentationCoordinator(
                    settings: PipelineSettings(facility: "01001", kiosk: "test", joinWindow: joinWindow, hold: hold),
                    components: PipelineComponents(
                        terminal: terminal, verify: { verifier.verify($0, qr: $1, today: $2) }, gateway: gateway,
                        recorder: LedgerRecorder(ledger: ledger, pseudonymizer: pseudonymizer)),
                    bus: bus)
                await coordinator.handle(.readersChanged(readers))
                try await body(PipelineRig(coordinator: coordinator, bus: bus, terminal: terminal, ledger: ledger, simulator: simulator,
                                           material: material, pseudonymizer: pseudonymizer))
                await coordinator.shutdown()
                try await client.shutdown()
                await simulator.stop()
            } catch {
                try? await client.shutdown()
                await simulator.stop()
                throw error
            }
        }
    }

    /// Places sample card `name` on the test reader and tells the pipeline.
    func insert(_ name: String) async throws {
        terminal.insert(try VirtualCCCDChip(profilePath: material.profile(name).path), into: Self.reader)
        await coordinator.handle(.cardInserted(reader: Self.reader))
    }

    func scan(_ payload: String) async throws {
        await coordinator.handle(.scanned(try ScannedQR.parse(payload)))
    }

    /// Events from now until one of `kind` arrives (included), or a failure after `limit`.
    func events(until kind: KioskEvent.Kind, within limit: Duration = .seconds(20),
                after action: () async throws -> Void) async throws -> [KioskEvent] {
        let stream = bus.subscribe()
        try await action()
        return try await Self.collect(stream, until: kind, within: limit)
    }

    static func collect(_ stream: AsyncStream<KioskEvent>, until kind: KioskEvent.Kind, within limit: Duration) async throws -> [KioskEvent] {
        try await withThrowingTaskGroup(of: [KioskEvent]?.self) { group in
            group.addTask {
                var seen: [KioskEvent] = []
                for await event in stream {
                    seen.append(event)
                    if event.kind == kind { return seen }
                }
                return seen
            }
            group.addTask {
                try await Task.sleep(for: limit)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let seen = first else {
                throw ChildProcessError(description: "no \(kind) event within \(limit)")
            }
            return seen
        }
    }
}
