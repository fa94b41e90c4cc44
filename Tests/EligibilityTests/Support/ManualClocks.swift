import CCCDIdentity
import Eligibility
import EligibilityGateways
import Foundation
import Synchronization

/// Time that only moves when a test says so, for cache windows, breaker timeouts and token expiry.
final class ManualClocks: Sendable {
    private let offset = Mutex<Duration>(.zero)
    private let monotonicStart = ContinuousClock.now
    private let wallStart = Date()

    func advance(by duration: Duration) { offset.withLock { $0 += duration } }

    var monotonic: MonotonicNow {
        MonotonicNow { [self] in monotonicStart + offset.withLock { $0 } }
    }

    var wall: WallClock {
        WallClock { [self] in
            let elapsed = offset.withLock { $0 }.components
            return wallStart.addingTimeInterval(Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18)
        }
    }
}
