public import Logging

/// How a ledger is opened.
public struct LedgerConfiguration: Sendable {
    /// The facility's clock: which local date a presentation belongs to.
    public var clock: FacilityClock
    /// A signed checkpoint is written in the append's transaction every this many records
    /// (0: only when asked). The daemon also calls ``Ledger/writeCheckpointIfDue(now:interval:)`` on a timer.
    public var checkpointEvery: Int64
    /// Where checkpoint lines go (one `info` line each) — the copy outside the database.
    public var logger: Logger

    public init(clock: FacilityClock = .vietnam, checkpointEvery: Int64 = 1000,
                logger: Logger = Logger(label: "cccd.ledger")) {
        self.clock = clock
        self.checkpointEvery = checkpointEvery
        self.logger = logger
    }
}
