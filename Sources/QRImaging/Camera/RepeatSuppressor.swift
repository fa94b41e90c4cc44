/// Turns "the same code in frame after frame" into one payload.
///
/// A camera sees a card held in front of it 15–30 times a second. A code is let through when
/// it has not been seen for at least `holdOff`; every sighting renews it, so a card that stays
/// in view (even with a few blurred frames in between, shorter than `holdOff`) yields exactly
/// one payload, and the same card taken away and shown again later yields another. Different
/// codes are independent: a second card is reported at once.
public struct RepeatSuppressor: Sendable {
    public let holdOff: Duration
    private var lastSeen: [[UInt8]: ContinuousClock.Instant] = [:]

    public init(holdOff: Duration) {
        self.holdOff = holdOff
    }

    /// Records a sighting of `bytes` at `now`; `true` when it should be delivered.
    public mutating func admit(_ bytes: [UInt8], at now: ContinuousClock.Instant) -> Bool {
        // Forget codes gone longer than the hold-off, so memory stays bounded by what is in view.
        lastSeen = lastSeen.filter { now - $0.value < holdOff }
        let isNew = lastSeen[bytes] == nil
        lastSeen[bytes] = now
        return isNew
    }
}
