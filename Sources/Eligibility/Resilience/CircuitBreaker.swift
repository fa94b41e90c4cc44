import Synchronization

/// Fails fast while a gateway is down, so the desk hears "proceed manually" in microseconds instead
/// of after a timeout per patient, and the gateway is not hammered while it recovers.
///
/// Closed: calls pass; `failureThreshold` consecutive failures open it. Open: calls are refused until
/// `openDuration` has passed. Half-open: exactly one probe call passes; its success closes the
/// breaker, its failure opens it again. Other calls are refused while the probe is out.
public final class CircuitBreaker: Sendable {
    public struct Policy: Sendable, Hashable {
        public var failureThreshold: Int
        public var openDuration: Duration

        public init(failureThreshold: Int = 5, openDuration: Duration = .seconds(30)) {
            self.failureThreshold = max(1, failureThreshold)
            self.openDuration = openDuration
        }
    }

    public enum State: Sendable, Hashable {
        case closed(consecutiveFailures: Int)
        case open(until: ContinuousClock.Instant)
        case halfOpen
    }

    /// Whether a call may go ahead.
    public enum Admission: Sendable, Hashable {
        case pass
        /// The single trial call of the half-open state.
        case probe
        case reject
    }

    public let policy: Policy
    private let now: MonotonicNow
    private let state: Mutex<State>

    public init(policy: Policy = Policy(), now: MonotonicNow = .system) {
        self.policy = policy
        self.now = now
        self.state = Mutex(.closed(consecutiveFailures: 0))
    }

    public var currentState: State { state.withLock { $0 } }

    public func admit() -> Admission {
        let instant = now()
        return state.withLock { state in
            switch state {
            case .closed:
                return .pass
            case .open(let until) where instant >= until:
                state = .halfOpen
                return .probe
            case .open, .halfOpen:
                return .reject
            }
        }
    }

    /// Reports how an admitted call went. Every `.pass` and `.probe` admission must be recorded.
    public func record(_ admission: Admission, succeeded: Bool) {
        let instant = now()
        state.withLock { state in
            switch (admission, state) {
            case (.probe, _):
                state = succeeded ? .closed(consecutiveFailures: 0) : .open(until: instant + policy.openDuration)
            case (.pass, .closed(let failures)):
                if succeeded {
                    state = .closed(consecutiveFailures: 0)
                } else if failures + 1 >= policy.failureThreshold {
                    state = .open(until: instant + policy.openDuration)
                } else {
                    state = .closed(consecutiveFailures: failures + 1)
                }
            default:
                // A call admitted before the breaker opened finished late: the probe decides.
                break
            }
        }
    }
}
