import Dispatch
import Synchronization

/// Tells the capture thread to stop, and wakes it if it is sleeping between reconnects.
///
/// Sendable without `@unchecked`: the flag is a `Mutex`, and `DispatchSemaphore` is itself
/// thread-safe. Only one thread (the capture thread) ever sleeps on it.
final class StopSignal: Sendable {
    private let requested = Mutex(false)
    private let wake = DispatchSemaphore(value: 0)

    var isRequested: Bool { requested.withLock { $0 } }

    func request() {
        let first = requested.withLock { flag in
            defer { flag = true }
            return !flag
        }
        if first { wake.signal() }
    }

    /// Sleeps for `duration`, returning early once stop is requested.
    func sleep(for duration: Duration) {
        guard !isRequested else { return }
        let (seconds, attoseconds) = duration.components
        let nanoseconds = seconds * 1_000_000_000 + attoseconds / 1_000_000_000
        _ = wake.wait(timeout: .now() + .nanoseconds(Int(clamping: nanoseconds)))
    }
}
