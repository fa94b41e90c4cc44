/// What the daemon runs with right now (`GET /api/v1/status`, `cccdctl status`, `status` events):
/// devices, gateway health, ledger size, recent errors. No personal data.
public struct StatusView: Sendable, Hashable, Codable {
    public struct Reader: Sendable, Hashable, Codable {
        public var name: String
        public var cardPresent: Bool
        public init(name: String, cardPresent: Bool) {
            self.name = name
            self.cardPresent = cardPresent
        }
    }

    public struct Scanner: Sendable, Hashable, Codable {
        public var name: String
        public var connected: Bool
        /// Set for a keyboard-wedge scanner: it cannot carry Vietnamese safely.
        public var degraded: Bool
        public init(name: String, connected: Bool, degraded: Bool = false) {
            self.name = name
            self.connected = connected
            self.degraded = degraded
        }
    }

    public struct Gateway: Sendable, Hashable, Codable {
        public enum State: String, Sendable, Hashable, Codable { case ok, degraded, down, unknown }
        public var state: State
        public var adapter: String
        public var pendingRechecks: Int
        public init(state: State, adapter: String, pendingRechecks: Int) {
            self.state = state
            self.adapter = adapter
            self.pendingRechecks = pendingRechecks
        }
    }

    public struct LedgerState: Sendable, Hashable, Codable {
        public var records: Int64
        public var path: String
        public init(records: Int64, path: String) {
            self.records = records
            self.path = path
        }
    }

    /// A recent problem, by code: `chip.access.wrongCAN`, `gateway.transient`…
    public struct Problem: Sendable, Hashable, Codable {
        public var at: String
        public var code: String
        public var message: String
        public init(at: String, code: String, message: String) {
            self.at = at
            self.code = code
            self.message = message
        }
    }

    public var version: String
    public var demo: Bool
    public var pcscAvailable: Bool
    public var readers: [Reader]
    public var scanners: [Scanner]
    public var gateway: Gateway
    public var ledger: LedgerState?
    public var recentProblems: [Problem]

    public init(version: String, demo: Bool, pcscAvailable: Bool, readers: [Reader], scanners: [Scanner], gateway: Gateway,
                ledger: LedgerState?, recentProblems: [Problem]) {
        self.version = version
        self.demo = demo
        self.pcscAvailable = pcscAvailable
        self.readers = readers
        self.scanners = scanners
        self.gateway = gateway
        self.ledger = ledger
        self.recentProblems = recentProblems
    }

    /// The one-line `STATUS=` systemd shows: "2 readers, 1 scanner, gateway ok, 1234 records".
    public var summary: String {
        let readerText = pcscAvailable ? "\(readers.count) reader\(readers.count == 1 ? "" : "s")" : "pcscd unavailable"
        let connected = scanners.filter(\.connected).count
        var parts = [readerText, "\(connected) scanner\(connected == 1 ? "" : "s")", "gateway \(gateway.state.rawValue)"]
        if gateway.pendingRechecks > 0 { parts.append("\(gateway.pendingRechecks) re-checks pending") }
        if let ledger { parts.append("\(ledger.records) records") }
        return parts.joined(separator: ", ")
    }
}
