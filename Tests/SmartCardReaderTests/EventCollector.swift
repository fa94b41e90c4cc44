import SmartCardReader
import Synchronization

/// Drains a watcher's stream in the background so tests can wait for an event and then look at
/// everything seen so far, in order.
final class EventCollector: Sendable {
    private let box = SeenBox()
    private let task: Task<Void, Never>

    init(_ stream: AsyncStream<ReaderEvent>) {
        task = Task { [box] in
            for await event in stream { box.append(event) }
        }
    }

    var events: [ReaderEvent] { box.events }

    /// Waits until `event` has been seen `count` times in total (sync only; the test's time limit
    /// is the failure mode if it never comes).
    func waitFor(_ event: ReaderEvent, count: Int = 1) async -> Bool {
        await eventually { events.filter { $0 == event }.count >= count }
    }

    /// Stops the watcher (dropping the stream cancels its pcsc-lite wait).
    func stop() async {
        task.cancel()
        await task.value
    }
}

private final class SeenBox: Sendable {
    private let list = Mutex<[ReaderEvent]>([])
    func append(_ event: ReaderEvent) { list.withLock { $0.append(event) } }
    var events: [ReaderEvent] { list.withLock { $0 } }
}
