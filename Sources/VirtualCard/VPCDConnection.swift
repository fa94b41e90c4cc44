import Dispatch
import Foundation
import Glibc
import Synchronization

/// Plugs a ``VirtualCardEngine`` into Debian's `vsmartcard-vpcd` pcscd driver, so that PC/SC
/// clients see a real reader ("Virtual PCD 00 00" on port 35963, "… 00 01" on 35964) with this
/// card in it.
///
/// vpcd listens inside pcscd; the card is "in the reader" exactly while this side is connected.
/// So ``insert()`` connects (and keeps reconnecting — after a pcscd restart the listener comes
/// back and the card reappears by itself) and ``remove()`` closes the socket. One thread per
/// insertion serves the blocking socket.
///
/// vpcd binds 0.0.0.0, not loopback: anyone on the network could plug a card into this machine's
/// pcscd. On a shared network, run the rig inside a network namespace; the test sandbox has none.
public final class VPCDConnection: Sendable {
    /// vpcd's port for the first virtual reader (CHANNELID 0x8C7B in /etc/reader.conf.d/vpcd).
    public static let firstReaderPort: UInt16 = 35963
    /// vpcd's port for the second virtual reader.
    public static let secondReaderPort: UInt16 = 35964

    public let host: String
    public let port: UInt16
    private let engine: any VirtualCardEngine
    private let retryInterval: Duration
    private let quickAck: Bool
    private let state = Mutex(State())

    private struct State {
        var inserted = false
        /// Bumped on every insert/remove so a stale serving thread knows to leave.
        var generation = 0
        /// The live socket, shut down by ``remove()`` to wake a blocked receive.
        var descriptor: Int32 = -1
        var connections = 0
        var exited: DispatchSemaphore?
    }

    /// - Parameter quickAck: `false` only to measure the delayed-ACK stall it prevents.
    public init(
        engine: any VirtualCardEngine,
        host: String = "127.0.0.1",
        port: UInt16 = VPCDConnection.firstReaderPort,
        retryInterval: Duration = .milliseconds(50),
        quickAck: Bool = true
    ) {
        self.quickAck = quickAck
        self.engine = engine
        self.host = host
        self.port = port
        self.retryInterval = retryInterval
    }

    /// Whether vpcd currently has this card (the socket is connected).
    public var isConnected: Bool { state.withLock { $0.descriptor >= 0 } }

    /// How many times a connection to vpcd was established; grows after each pcscd restart.
    public var connectionCount: Int { state.withLock { $0.connections } }

    /// Puts the card in the reader: connects now or as soon as vpcd listens. Idempotent.
    public func insert() {
        let started: (Int, DispatchSemaphore)? = state.withLock { state in
            guard !state.inserted else { return nil }
            state.inserted = true
            state.generation += 1
            let exited = DispatchSemaphore(value: 0)
            state.exited = exited
            return (state.generation, exited)
        }
        guard let (generation, exited) = started else { return }
        let thread = Thread { [self] in
            serve(generation: generation)
            exited.signal()
        }
        thread.name = "cccd.vpcd.\(port)"
        thread.start()
    }

    /// Takes the card out: closes the socket and waits for the serving thread to finish (at most
    /// one retry interval), so that a following ``insert()`` starts clean. Idempotent; call it
    /// before dropping the connection — the serving thread keeps the object alive until then.
    public func remove() {
        let exited: DispatchSemaphore? = state.withLock { state in
            guard state.inserted else { return nil }
            state.inserted = false
            state.generation += 1
            if state.descriptor >= 0 { shutdown(state.descriptor, Int32(SHUT_RDWR)) }
            return state.exited
        }
        exited?.wait()
    }

    private func isCurrent(_ generation: Int) -> Bool {
        state.withLock { $0.inserted && $0.generation == generation }
    }

    private func serve(generation: Int) {
        while isCurrent(generation) {
            guard let socket = VPCDSocket(host: host, port: port, quickAck: quickAck) else {
                sleep(retryInterval)
                continue
            }
            let registered = state.withLock { state in
                guard state.inserted && state.generation == generation else { return false }
                state.descriptor = socket.descriptor
                state.connections += 1
                return true
            }
            guard registered else { return }
            exchange(over: socket)
            state.withLock { $0.descriptor = -1 }
            engine.powerOff()
            if isCurrent(generation) { sleep(retryInterval) }
        }
    }

    /// Answers vpcd until it hangs up (pcscd stopped) or ``remove()`` shuts the socket.
    private func exchange(over socket: borrowing VPCDSocket) {
        while let header = socket.receive(exactly: 2) {
            let length = Int(header[0]) << 8 | Int(header[1])
            guard let payload = socket.receive(exactly: length) else { return }
            if let answer = VPCDMessage(payload: payload).answer(using: engine) {
                guard socket.send(answer) else { return }
            }
        }
    }

    private func sleep(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        usleep(UInt32(seconds * 1_000_000 + attoseconds / 1_000_000_000_000))
    }
}
