/// A source of monotonic time, injectable so cache windows and breaker timeouts can be tested by
/// moving time forward instead of sleeping.
public struct MonotonicNow: Sendable {
    public let read: @Sendable () -> ContinuousClock.Instant

    public init(_ read: @escaping @Sendable () -> ContinuousClock.Instant) {
        self.read = read
    }

    public static let system = MonotonicNow { ContinuousClock.now }

    public func callAsFunction() -> ContinuousClock.Instant { read() }
}
