import Dispatch
import Synchronization

/// A serial queue for blocking PC/SC calls, so they never occupy Swift's cooperative thread pool.
///
/// pcsc-lite serialises the calls of one context internally and recommends one context per thread;
/// each context-owning object therefore has its own queue, and calls on different readers run in
/// parallel.
final class BlockingQueue: Sendable {
    private let queue: DispatchQueue

    init(label: String) {
        queue = DispatchQueue(label: label)
    }

    /// Runs `body` on the queue and returns its result.
    ///
    /// Cancellation is prompt: the caller is resumed with `CancellationError` at once and `interrupt`
    /// runs (`SCardCancel` for a status wait). A call that PC/SC cannot interrupt (`SCardTransmit`)
    /// still completes on the queue, bounded by the reader's own timeouts, and later calls queue
    /// behind it — so a cancelled transmit leaves the card in an unknown state, which is fine
    /// because cancelling abandons the reading session.
    func run<T: Sendable>(
        interrupt: @escaping @Sendable () -> Void = {},
        _ body: @escaping @Sendable () throws -> T
    ) async throws -> T {
        let once = ResumeOnce<T>()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                once.install(continuation)
                if Task.isCancelled { once.resume(with: .failure(CancellationError())) }
                queue.async { once.resume(with: Result { try body() }) }
            }
        } onCancel: {
            interrupt()
            once.resume(with: .failure(CancellationError()))
        }
    }

    /// Runs `body` on the queue and waits for it synchronously (deinitialisers, watcher thread).
    func sync<T>(_ body: () throws -> T) rethrows -> T {
        try queue.sync(execute: body)
    }
}

/// A continuation that is resumed by whichever comes first: the call's result or cancellation.
private final class ResumeOnce<T: Sendable>: Sendable {
    private let continuation = Mutex<CheckedContinuation<T, any Error>?>(nil)

    func install(_ newValue: CheckedContinuation<T, any Error>) {
        continuation.withLock { $0 = newValue }
    }

    func resume(with result: Result<T, any Error>) {
        continuation.withLock { $0.take() }?.resume(with: result)
    }
}
