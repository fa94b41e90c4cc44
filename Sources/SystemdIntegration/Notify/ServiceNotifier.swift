#if canImport(Glibc)
import Glibc
#endif

/// The daemon's side of systemd's notify protocol: `READY=1`, human-readable `STATUS=` lines,
/// `RELOADING=1` with `MONOTONIC_USEC`, `STOPPING=1` and `WATCHDOG=1`.
///
/// Outside systemd (no `$NOTIFY_SOCKET`) every call does nothing, so the daemon runs the same
/// from a terminal. Debian 12 has systemd 252, hence `Type=notify` with an explicit
/// `RELOADING=1`/`READY=1` pair rather than `Type=notify-reload` (253+).
public struct ServiceNotifier: Sendable {
    public let socket: UnixDatagramTarget?
    public let watchdog: WatchdogSchedule?

    public init(environment: [String: String]) {
        socket = UnixDatagramTarget(address: environment["NOTIFY_SOCKET"])
        watchdog = WatchdogSchedule(environment: environment, processID: Int(getpid()))
    }

    public init(socket: UnixDatagramTarget?, watchdog: WatchdogSchedule? = nil) {
        self.socket = socket
        self.watchdog = watchdog
    }

    public var isActive: Bool { socket != nil }

    public func ready(status: String) {
        send(["READY=1", "STATUS=\(Self.oneLine(status))"])
    }

    public func status(_ text: String) {
        send(["STATUS=\(Self.oneLine(text))"])
    }

    /// Before re-reading the configuration on SIGHUP; follow with ``ready(status:)``.
    public func reloading() {
        send(["RELOADING=1", "MONOTONIC_USEC=\(Self.monotonicMicroseconds())"])
    }

    public func stopping() {
        send(["STOPPING=1"])
    }

    /// Called by the loop that proves the daemon is alive, never by a free-running timer.
    public func watchdogAlive() {
        send(["WATCHDOG=1"])
    }

    private func send(_ lines: [String]) {
        socket?.send(lines.joined(separator: "\n"))
    }

    /// A status is one line: a newline would start a new `KEY=VALUE` assignment.
    static func oneLine(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }

    /// CLOCK_MONOTONIC in microseconds, which is what systemd compares `MONOTONIC_USEC` against.
    static func monotonicMicroseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1000
    }
}
