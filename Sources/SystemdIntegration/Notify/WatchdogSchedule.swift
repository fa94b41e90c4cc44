/// When systemd expects `WATCHDOG=1`: `$WATCHDOG_USEC` is the deadline; pinging at half of it
/// leaves room for one late loop iteration (sd_watchdog_enabled(3)).
public struct WatchdogSchedule: Sendable, Hashable {
    public let timeout: Duration

    /// nil when the watchdog is off, or when `$WATCHDOG_PID` names another process (the variables
    /// were inherited by a child of the service, not meant for it).
    public init?(environment: [String: String], processID: Int) {
        guard let text = environment["WATCHDOG_USEC"], let microseconds = Int64(text), microseconds > 0 else { return nil }
        if let pid = environment["WATCHDOG_PID"], Int(pid) != processID { return nil }
        timeout = .microseconds(microseconds)
    }

    public init(timeout: Duration) {
        self.timeout = timeout
    }

    public var pingInterval: Duration { timeout / 2 }
}
