import Synchronization

/// Lets handlers wait (latency, scripted timeouts) without holding up shutdown: every pause ends
/// early once the simulator stops, so tests never wait for a stalled request to finish.
final class SimulatorLifecycle: Sendable {
    private let stopped = Atomic<Bool>(false)

    func stop() { stopped.store(true, ordering: .sequentiallyConsistent) }

    var isStopped: Bool { stopped.load(ordering: .sequentiallyConsistent) }

    /// Sleeps in short steps, returning early on stop or cancellation.
    func pause(for duration: Duration) async {
        let deadline = ContinuousClock.now + duration
        while !isStopped, !Task.isCancelled, ContinuousClock.now < deadline {
            let remaining = deadline - ContinuousClock.now
            try? await Task.sleep(for: min(remaining, .milliseconds(20)))
        }
    }
}
