extension DaemonConfiguration {
    /// `[ledger]` — the tamper-evident record of every presentation.
    public struct Ledger: Sendable, Hashable {
        /// `path` — the SQLite file; default `"/var/lib/cccdd/ledger.sqlite"`.
        public var path = "/var/lib/cccdd/ledger.sqlite"
        /// `device-key-file` — this kiosk's signing key, created on first start; default `"/var/lib/cccdd/device.key"`.
        public var deviceKeyFile = "/var/lib/cccdd/device.key"
        /// `site-key-credential` (default `"site-key"`) or `site-key-file`: the HMAC key that
        /// pseudonymises ID numbers, shared by the facility's kiosks.
        public var siteKey = SecretReference(credential: "site-key", file: nil, key: "ledger.site-key")
        /// `retention-days` — 0 (default) keeps records forever; else 1…36500.
        public var retentionDays = 0
        /// `checkpoint-interval-minutes` — how often the chain head is signed; 1…1440, default 60.
        public var checkpointInterval: Duration = .seconds(60 * 60)

        public init() {}
    }

    /// `[recheck]` — lookups that ended without an answer, retried in the background.
    public struct Recheck: Sendable, Hashable {
        /// `interval-seconds` — how often the queue is scanned; 1…3600, default 30.
        public var interval: Duration = .seconds(30)
        /// `first-delay-seconds` — the first retry's delay, doubled each attempt; 0…86400, default 60.
        public var firstDelay: Duration = .seconds(60)
        /// `max-delay-seconds` — the cap on that doubling; 1…86400 and at least `first-delay-seconds`, default 3600.
        public var maxDelay: Duration = .seconds(3600)
        /// `max-attempts` — then the lookup is given up; 1…1000, default 20.
        public var maxAttempts = 20

        public init() {}
    }

    /// `[session]` — one patient's presentation.
    public struct Session: Sendable, Hashable {
        /// `join-window-seconds` — a QR scan and a card tap for the same ID this close are one
        /// presentation; 1…300, default 20.
        public var joinWindow: Duration = .seconds(20)
        /// `hold-seconds` — how long the result stays on the kiosk page before personal data is
        /// dropped from memory; 0…3600, default 60.
        public var hold: Duration = .seconds(60)

        public init() {}
    }

    /// `[http]` — the kiosk page, its event stream, `/metrics` and `cccdctl`'s socket.
    public struct HTTP: Sendable, Hashable {
        /// `listen` — `"host:port"` (`"[::1]:7480"` for IPv6); default `"127.0.0.1:7480"`. Port 0 picks a free
        /// port (tests). A non-loopback host needs ``allowNonLoopback``: the page shows patients' data.
        public var host = "127.0.0.1"
        public var port = 7480
        /// `allow-non-loopback` — default false.
        public var allowNonLoopback = false
        /// `allowed-origins` — exact origins (`"https://kiosk.benhvien.vn"`) allowed cross-origin; default
        /// none. `"*"` is refused.
        public var allowedOrigins: [String] = []
        /// `socket` — `cccdctl`'s Unix socket (0660); default `"/run/cccdd/cccdd.sock"`.
        public var socket = "/run/cccdd/cccdd.sock"
        /// `token-file` — where the daemon writes the kiosk page's access token; default `"/run/cccdd/token"`.
        /// A path the daemon writes, not a secret the administrator supplies.
        public var tokenFile = "/run/cccdd/token"

        public init() {}
    }
}
