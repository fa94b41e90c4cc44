import CPCSCLite
import Dispatch
import Foundation
import Synchronization

/// The long-running loop behind ``PCSCService/events()``: one thread, one context, blocked in
/// `SCardGetStatusChange` on every reader plus the plug-and-play pseudo reader.
///
/// It runs on a thread of its own because the wait blocks for seconds at a time, which must
/// never happen on Swift's cooperative pool. Dropping the stream stops it promptly: `SCardCancel`
/// unblocks the wait and a semaphore cuts a back-off pause short.
final class ReaderWatcher: Sendable {
    private let continuation: AsyncStream<ReaderEvent>.Continuation
    private let configuration: PCSCService.Configuration
    private let stopped = Atomic<Bool>(false)
    private let finished = Atomic<Bool>(false)
    private let activeContext = Mutex<PCSCContext?>(nil)
    private let wake = DispatchSemaphore(value: 0)

    private init(continuation: AsyncStream<ReaderEvent>.Continuation, configuration: PCSCService.Configuration) {
        self.continuation = continuation
        self.configuration = configuration
    }

    static func start(configuration: PCSCService.Configuration) -> AsyncStream<ReaderEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: ReaderEvent.self, bufferingPolicy: .unbounded)
        let watcher = ReaderWatcher(continuation: continuation, configuration: configuration)
        continuation.onTermination = { _ in watcher.stop() }
        let thread = Thread { watcher.run() }
        thread.name = "cccd.pcsc.watcher"
        thread.start()
        return stream
    }

    private var isStopped: Bool { stopped.load(ordering: .acquiring) }

    private func stop() {
        guard !stopped.exchange(true, ordering: .acquiringAndReleasing) else { return }
        wake.signal()
        // SCardCancel only affects a wait already in progress; a wait entered just after the flag
        // was checked would otherwise run to its timeout. Repeat until the thread has left.
        DispatchQueue.global().async { [self] in
            while !finished.load(ordering: .acquiring) {
                activeContext.withLock { $0?.cancel() }
                usleep(20_000)
            }
        }
    }

    private func run() {
        var tracker = ReaderTracker(emit: { [continuation] in continuation.yield($0) })
        var serviceUp: Bool?
        var pauses = configuration.recoveryBackoff.makeIterator()
        var lastPause = configuration.recoveryBackoff.last ?? .seconds(1)
        while !isStopped {
            let context: PCSCContext
            do {
                context = try PCSCContext()
            } catch {
                if serviceUp != false {
                    tracker.forgetAll()
                    continuation.yield(.serviceLost)
                    serviceUp = false
                }
                lastPause = pauses.next() ?? lastPause
                pause(lastPause)
                continue
            }
            if serviceUp == false { continuation.yield(.serviceRestored) }
            serviceUp = true
            pauses = configuration.recoveryBackoff.makeIterator()
            activeContext.withLock { $0 = context }
            let lost = watch(context, tracker: &tracker)
            activeContext.withLock { $0 = nil }
            if lost {
                tracker.forgetAll()
                continuation.yield(.serviceLost)
                serviceUp = false
            }
        }
        finished.store(true, ordering: .releasing)
        continuation.finish()
    }

    /// Waits for changes until stopped (`false`) or until the service is lost (`true`).
    private func watch(_ context: PCSCContext, tracker: inout ReaderTracker) -> Bool {
        var plugAndPlay = ReaderStateRecord(name: ReaderStateRecord.plugAndPlayName)
        var needsEnumeration = true
        // Bounded even though SCardCancel ends the wait: a cancel that lands just before the wait
        // starts is lost, and this caps how long that can delay a stop.
        let timeout = DWORD(min(configuration.watchTimeout.wholeMilliseconds, Int(UInt32.max - 1)))
        while !isStopped {
            if needsEnumeration {
                do {
                    tracker.enumerated(try context.readerNames())
                    needsEnumeration = false
                } catch {
                    if error.reason == .serviceUnavailable { return true }
                    pause(.milliseconds(100))
                    continue
                }
            }
            var records = tracker.records + [plugAndPlay]
            let status = context.waitForChange(&records, timeout: timeout)
            if isStopped { break }
            switch status.rawValue {
            case SCARD_S_SUCCESS:
                plugAndPlay = records.removeLast()
                if plugAndPlay.has(SCARD_STATE_CHANGED) { needsEnumeration = true }
                plugAndPlay.currentState = plugAndPlay.eventState
                if tracker.observed(records) { needsEnumeration = true }
            case SCARD_E_TIMEOUT, SCARD_E_CANCELLED:
                continue
            case SCARD_E_UNKNOWN_READER, SCARD_E_READER_UNAVAILABLE:
                needsEnumeration = true
            default:
                if status.meansServiceLost { return true }
                needsEnumeration = true
                pause(.milliseconds(100))
            }
        }
        return false
    }

    /// Sleeps for `duration` unless ``stop()`` comes first.
    private func pause(_ duration: Duration) {
        _ = wake.wait(timeout: .now() + .milliseconds(duration.wholeMilliseconds))
    }
}
