import Testing
@testable import ScannerInput

@Suite("Reconnect backoff and poll timeouts (pure)")
struct ReconnectPolicyTests {
    @Test("delays double up to the maximum and stay there")
    func backoff() {
        let policy = ReconnectPolicy(initialDelay: .milliseconds(250), maximumDelay: .seconds(2))
        var delays = [policy.initialDelay]
        for _ in 0..<5 { delays.append(policy.next(after: delays[delays.count - 1])) }
        #expect(delays == [.milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2), .seconds(2), .seconds(2)])
    }

    @Test("a maximum below the initial delay is raised to it")
    func maximumNotBelowInitial() {
        #expect(ReconnectPolicy(initialDelay: .seconds(3), maximumDelay: .seconds(1)).maximumDelay == .seconds(3))
    }

    @Test("poll timeouts round up, so a sub-millisecond wait never becomes a busy loop")
    func pollMilliseconds() {
        #expect(Duration.zero.pollMilliseconds == 0)
        #expect(Duration.nanoseconds(1).pollMilliseconds == 1)
        #expect(Duration.milliseconds(100).pollMilliseconds == 100)
        #expect(Duration.microseconds(100_500).pollMilliseconds == 101)
        #expect(Duration.seconds(Int64.max / 2).pollMilliseconds == Int32.max)
    }
}
