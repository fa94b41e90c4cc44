import Dispatch
@testable import SmartCardReader
import Synchronization
import Testing

/// Blocking PC/SC calls run on their own queue; cancelling the awaiting task resumes it at once
/// with `CancellationError` and runs the interrupt (SCardCancel in production).
@Suite("Blocking queue")
struct BlockingQueueTests {
    @Test("A result comes back from the queue")
    func result() async throws {
        let queue = BlockingQueue(label: "test")
        #expect(try await queue.run { 6 * 7 } == 42)
    }

    @Test("Cancellation resumes the caller before the blocking call ends, and interrupts it")
    func cancellation() async throws {
        let queue = BlockingQueue(label: "test")
        let release = DispatchSemaphore(value: 0)
        let interrupted = Flag()
        let started = DispatchSemaphore(value: 0)
        let task = Task {
            try await queue.run(interrupt: { interrupted.set() }) {
                started.signal()
                release.wait()  // blocks until the test lets go: only cancellation can end the await
                return 1
            }
        }
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { started.wait(); continuation.resume() }
        }
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(interrupted.isSet)
        release.signal()
        // Later calls queue behind the abandoned one and still run.
        #expect(try await queue.run { 2 } == 2)
    }

    @Test("A task cancelled before the call starts never waits for it")
    func alreadyCancelled() async {
        let queue = BlockingQueue(label: "test")
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await queue.run { 3 }
        }
        await #expect(throws: CancellationError.self) { try await task.value }
    }
}

private final class Flag: Sendable {
    private let value = Atomic<Bool>(false)
    func set() { value.store(true, ordering: .releasing) }
    var isSet: Bool { value.load(ordering: .acquiring) }
}
