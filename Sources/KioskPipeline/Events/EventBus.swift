import Foundation
import Synchronization

/// The in-process event bus: the pipeline publishes, the HTTP layer's SSE streams subscribe.
///
/// Recent events are kept so a client reconnecting with `Last-Event-ID` gets what it missed. A slow
/// subscriber never holds the pipeline up: its stream keeps only the newest events (each carries
/// the full session, so dropping older ones loses no state). Events of a cleared session are
/// removed from the replay buffer, because they hold personal data that must not outlive it.
public final class EventBus: Sendable {
    private struct State {
        var nextID: UInt64 = 1
        var recent: [KioskEvent] = []
        var subscribers: [UUID: AsyncStream<KioskEvent>.Continuation] = [:]
        var finished = false
    }

    private let state = Mutex(State())
    public let replayCapacity: Int
    public let subscriberBuffer: Int

    public init(replayCapacity: Int = 256, subscriberBuffer: Int = 256) {
        self.replayCapacity = replayCapacity
        self.subscriberBuffer = subscriberBuffer
    }

    @discardableResult
    public func publish(_ kind: KioskEvent.Kind, session: SessionView? = nil, status: StatusView? = nil) -> KioskEvent {
        state.withLock { state in
            let event = KioskEvent(id: state.nextID, at: Date(), kind: kind, session: session, status: status)
            state.nextID += 1
            guard !state.finished else { return event }
            state.recent.append(event)
            if state.recent.count > replayCapacity { state.recent.removeFirst(state.recent.count - replayCapacity) }
            for continuation in state.subscribers.values { continuation.yield(event) }
            return event
        }
    }

    /// Events after `lastEventID` still in the replay buffer, then every new one. The stream ends
    /// when the bus is finished (graceful shutdown) or the subscriber stops iterating.
    public func subscribe(after lastEventID: UInt64? = nil) -> AsyncStream<KioskEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: KioskEvent.self, bufferingPolicy: .bufferingNewest(subscriberBuffer))
        let key = UUID()
        state.withLock { state in
            if let lastEventID {
                for event in state.recent where event.id > lastEventID { continuation.yield(event) }
            }
            if state.finished {
                continuation.finish()
            } else {
                state.subscribers[key] = continuation
            }
        }
        // Set only now: finishing inside the lock above must not run a handler that takes the
        // same lock. No termination can be missed meanwhile — nobody holds the stream before it
        // is returned, and finish() removes the subscribers it ends itself.
        continuation.onTermination = { [weak self] _ in
            self?.state.withLock { _ = $0.subscribers.removeValue(forKey: key) }
        }
        return stream
    }

    /// Drops the buffered events of `sessionID` (personal data) once that session ends.
    public func forget(session sessionID: String) {
        state.withLock { state in state.recent.removeAll { $0.session?.id == sessionID } }
    }

    public var subscriberCount: Int { state.withLock { $0.subscribers.count } }

    /// Ends every stream: graceful shutdown must not wait for SSE clients to hang up.
    public func finish() {
        let continuations = state.withLock { state in
            state.finished = true
            defer { state.subscribers.removeAll() }
            return Array(state.subscribers.values)
        }
        for continuation in continuations { continuation.finish() }
    }
}
