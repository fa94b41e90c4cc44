import Foundation

/// When to ask again about a lookup that got no answer, and when to stop.
///
/// Exponential backoff keeps a recovering gateway from being hammered by the backlog (BHXH
/// throttles per account), and the attempt limit turns a hopeless record into an explicit
/// "abandoned" the clinic's claim process sees, rather than a silent retry forever.
public struct RecheckPolicy: Sendable, Hashable {
    public var firstDelay: Duration
    public var factor: Double
    public var maximumDelay: Duration
    public var maximumAttempts: Int

    public init(firstDelay: Duration = .seconds(60), factor: Double = 2, maximumDelay: Duration = .seconds(3600),
                maximumAttempts: Int = 48) {
        self.firstDelay = firstDelay
        self.factor = max(1, factor)
        self.maximumDelay = maximumDelay
        self.maximumAttempts = max(1, maximumAttempts)
    }

    /// The wait before the next attempt when `attempts` have been made so far: `firstDelay` after
    /// queueing (0 attempts), then doubling (by `factor`) up to `maximumDelay`.
    public func delay(afterAttempt attempts: Int) -> Duration {
        let exponent = Double(max(0, attempts))
        func seconds(_ duration: Duration) -> Double {
            Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        }
        let cap = seconds(maximumDelay)
        let wait = seconds(firstDelay) * Foundation.pow(factor, exponent)
        // Clamp in Double first: a huge exponent overflows, and Duration traps on out-of-range values.
        return .seconds(wait.isFinite ? min(wait, cap) : cap)
    }
}
