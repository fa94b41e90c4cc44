public import CCCDIdentity

extension DaemonConfiguration {
    /// `[site]` — who this kiosk is. The facility code goes into every BHXH lookup and ledger record.
    public struct Site: Sendable, Hashable {
        /// `facility` — the facility's maCSKCB, 5 digits. Default `"00000"`, a placeholder that
        /// production refuses (``DaemonConfiguration/Purpose/production``).
        public var facility = "00000"
        /// `kiosk` — this kiosk's name in the ledger and metrics: 1–64 of `A-Z a-z 0-9 . _ -`. Default `"kiosk-1"`.
        public var kiosk = "kiosk-1"
        /// `utc-offset` — `"+07:00"` style; Vietnam's default. Dates on the card and the BHXH
        /// answers are local, and a kiosk's clock zone must not depend on the host's `TZ`.
        public var utcOffset: Duration = .seconds(7 * 3600)
        /// `language` — `"vi"` (default) or `"en"`: the kiosk page's first language.
        public var language: Language = .vi

        public init() {}

        /// The facility placeholder the shipped file carries until an administrator fills it in.
        public static let placeholderFacility = "00000"
    }

    /// `[log]`
    public struct Log: Sendable, Hashable {
        public enum Level: String, Sendable, Hashable, CaseIterable {
            case trace, debug, info, notice, warning, error, critical
        }

        /// `level` — the lowest level written to the journal. Default `"info"`.
        public var level: Level = .info

        public init() {}
    }
}
