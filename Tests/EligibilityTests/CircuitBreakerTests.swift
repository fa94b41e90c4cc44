import CCCDIdentity
import Eligibility
import Testing

@Suite struct CircuitBreakerTests {
    @Test func opensAfterConsecutiveFailuresAndProbesAfterTheOpenPeriod() {
        let clocks = ManualClocks()
        let breaker = CircuitBreaker(policy: .init(failureThreshold: 3, openDuration: .seconds(30)), now: clocks.monotonic)
        for _ in 0..<2 {
            #expect(breaker.admit() == .pass)
            breaker.record(.pass, succeeded: false)
        }
        #expect(breaker.currentState == .closed(consecutiveFailures: 2))
        breaker.record(breaker.admit(), succeeded: false)
        #expect(breaker.admit() == .reject)

        clocks.advance(by: .seconds(29))
        #expect(breaker.admit() == .reject)
        clocks.advance(by: .seconds(1))
        #expect(breaker.admit() == .probe)
        #expect(breaker.currentState == .halfOpen)
        #expect(breaker.admit() == .reject, "only one probe at a time")

        breaker.record(.probe, succeeded: false)
        #expect(breaker.admit() == .reject, "a failed probe opens the breaker again")
        clocks.advance(by: .seconds(30))
        breaker.record(breaker.admit(), succeeded: true)
        #expect(breaker.currentState == .closed(consecutiveFailures: 0))
        #expect(breaker.admit() == .pass)
    }

    @Test func aSuccessResetsTheFailureCount() {
        let breaker = CircuitBreaker(policy: .init(failureThreshold: 2, openDuration: .seconds(5)))
        breaker.record(breaker.admit(), succeeded: false)
        breaker.record(breaker.admit(), succeeded: true)
        breaker.record(breaker.admit(), succeeded: false)
        #expect(breaker.currentState == .closed(consecutiveFailures: 1))
    }
}
