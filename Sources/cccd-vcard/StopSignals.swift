import Dispatch
import Glibc
import Synchronization

/// SIGINT and SIGTERM turned into a flag the serving loop checks, so the card is removed and the
/// tool exits 0 instead of dying with the socket open. Lives in `run()`, which keeps the signal
/// sources alive.
final class StopSignals {
    private final class Flag: Sendable {
        let raised = Mutex(false)
    }

    private let flag = Flag()
    private var sources: [any DispatchSourceSignal] = []

    init() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [flag] in flag.raised.withLock { $0 = true } }
            source.resume()
            sources.append(source)
        }
    }

    var received: Bool { flag.raised.withLock { $0 } }
}
