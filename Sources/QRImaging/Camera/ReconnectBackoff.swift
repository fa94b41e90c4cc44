/// How long the camera loop waits before reopening a device that vanished: doubling from
/// `initial` up to `maximum`, back to `initial` once a device opens.
///
/// Fast enough that a camera replugged at the desk is back within a second, slow enough that
/// a kiosk without its camera does not spin probing `/dev/video0`.
public struct ReconnectBackoff: Sendable, Equatable {
    public var initial: Duration
    public var maximum: Duration

    public init(initial: Duration = .milliseconds(250), maximum: Duration = .seconds(8)) {
        self.initial = initial
        self.maximum = max(maximum, initial)
    }

    /// The wait after one that lasted `previous`.
    public func delay(after previous: Duration) -> Duration {
        min(previous * 2, maximum)
    }
}
