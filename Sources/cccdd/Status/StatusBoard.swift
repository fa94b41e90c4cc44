import CoreMetrics
import Foundation
import KioskPipeline
import Logging
import SmartCardReader
import SystemdIntegration

/// What the daemon knows about its surroundings: readers (and whether pcscd answers), scanners,
/// the gateway's health as the last lookups showed it, the ledger, and recent problems.
///
/// Every change is published as a `status` event and as systemd's `STATUS=` line, and mirrored
/// in gauges, so the page, `systemctl status` and Prometheus all say the same thing.
actor StatusBoard {
    private var readers: [String: Bool] = [:]
    private var pcscAvailable = true
    private var scanners: [String: StatusView.Scanner] = [:]
    private var gateway = StatusView.Gateway(state: .unknown, adapter: "-", pendingRechecks: 0)
    private var problems: [StatusView.Problem] = []
    private let bus: EventBus
    private let notifier: ServiceNotifier
    private let version: String
    private let demo: Bool
    private let ledger: @Sendable () -> StatusView.LedgerState?
    private let pendingRechecks: @Sendable () -> Int
    /// The gateway's state changes go to the journal: an admin reading `journalctl -u cccdd`
    /// after "the kiosk said admit manually all morning" must find when BHXH went away and came back.
    private let gatewayLog = Logger(label: "cccdd.gateway")

    init(bus: EventBus, notifier: ServiceNotifier, version: String, demo: Bool,
         ledger: @escaping @Sendable () -> StatusView.LedgerState?, pendingRechecks: @escaping @Sendable () -> Int = { 0 }) {
        self.bus = bus
        self.notifier = notifier
        self.version = version
        self.demo = demo
        self.ledger = ledger
        self.pendingRechecks = pendingRechecks
    }

    var view: StatusView {
        var gateway = gateway
        gateway.pendingRechecks = pendingRechecks()
        return StatusView(
            version: version, demo: demo, pcscAvailable: pcscAvailable,
            readers: readers.sorted { $0.key < $1.key }.map { StatusView.Reader(name: $0.key, cardPresent: $0.value) },
            scanners: scanners.values.sorted { $0.name < $1.name }, gateway: gateway, ledger: ledger(),
            recentProblems: problems)
    }

    func reader(_ event: ReaderEvent) {
        switch event {
        case .readerAdded(let name): readers[name] = false
        case .readerRemoved(let name): readers[name] = nil
        case .cardInserted(let name, _): readers[name] = true
        case .cardRemoved(let name): if readers[name] != nil { readers[name] = false }
        case .serviceLost:
            pcscAvailable = false
            readers = [:]
            note(code: "pcsc.serviceLost", message: "pcscd stopped answering; reconnecting")
        case .serviceRestored:
            pcscAvailable = true
            Counter(label: "cccdd_pcscd_reconnects_total").increment()
        }
        Gauge(label: "cccdd_readers").record(readers.count)
        changed()
    }

    var readerNames: [String] { readers.keys.sorted() }

    func scanner(_ name: String, connected: Bool, degraded: Bool = false) {
        // A (re)connection starts clean; the source reports `.degraded` again if it still is.
        scanners[name] = StatusView.Scanner(name: name, connected: connected, degraded: degraded)
        scannersChanged()
    }

    /// A scanner whose node is gone for good (auto mode): no longer listed.
    func forgetScanner(_ name: String) {
        scanners.removeValue(forKey: name)
        scannersChanged()
    }

    private func scannersChanged() {
        Gauge(label: "cccdd_scanners_connected").record(scanners.values.filter(\.connected).count)
        changed()
    }

    /// The gateway's health from a lookup's class: definitive answers mean it works; transient
    /// ones that it does not (twice in a row: down).
    func lookupFinished(outcome: String, adapter: String) {
        let before = gateway.state
        switch outcome {
        case "transient": gateway.state = before == .degraded || before == .down ? .down : .degraded
        case "skipped": gateway.state = .down
        case "configurationError": gateway.state = .degraded
        default: gateway.state = .ok
        }
        gateway.adapter = adapter
        guard gateway.state != before else { return }
        switch gateway.state {
        case .ok: gatewayLog.notice("gateway answers", metadata: ["adapter": "\(adapter)", "was": "\(before.rawValue)"])
        case .degraded, .down, .unknown:
            gatewayLog.warning("gateway \(gateway.state.rawValue)", metadata: ["adapter": "\(adapter)", "outcome": "\(outcome)"])
        }
        changed()
    }

    /// Publishes the current view (after a change the board does not see itself: re-checks).
    func refresh() {
        changed()
    }

    func note(code: String, message: String) {
        problems.append(.init(at: Timestamp.text(Date()), code: code, message: message))
        if problems.count > 20 { problems.removeFirst(problems.count - 20) }
    }

    /// Follows the pipeline's results to keep the gateway's health current.
    func follow(_ events: AsyncStream<KioskEvent>) async {
        for await event in events where event.kind == .result {
            if let eligibility = event.session?.eligibility {
                lookupFinished(outcome: eligibility.class.rawValue, adapter: eligibility.adapter)
            }
            if let records = ledger()?.records { Gauge(label: "cccdd_ledger_records").record(records) }
        }
    }

    private func changed() {
        let current = view
        bus.publish(.status, status: current)
        notifier.status(current.summary)
    }
}
