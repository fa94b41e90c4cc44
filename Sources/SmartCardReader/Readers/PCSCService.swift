import CPCSCLite
import Synchronization

/// The PC/SC subsystem (pcsc-lite's pcscd) as a ``CardReaderService``.
///
/// pcscd can restart under a running kiosk (package upgrade, crash, systemd socket activation
/// timing out). A context that saw the old daemon never works again (`SCARD_F_COMM_ERROR`,
/// `SCARD_E_NO_SERVICE`, `SCARD_E_INVALID_HANDLE`), so every operation here drops a dead context,
/// backs off, establishes a new one and retries; only when the daemon stays away for the whole
/// back-off schedule does it throw `.serviceUnavailable`. Open ``CardConnection``s do not survive
/// a restart (the card was powered down): they throw and the caller connects again.
public final class PCSCService: CardReaderService {
    public struct Configuration: Sendable {
        /// Pauses between attempts to reach pcscd after it went away.
        public var recoveryBackoff: [Duration]
        /// Longest single `SCardGetStatusChange` wait of the watcher; it re-checks after each.
        public var watchTimeout: Duration

        public init(
            recoveryBackoff: [Duration] = [.milliseconds(50), .milliseconds(100), .milliseconds(200),
                                           .milliseconds(400), .milliseconds(800), .milliseconds(1600)],
            watchTimeout: Duration = .seconds(5)
        ) {
            self.recoveryBackoff = recoveryBackoff
            self.watchTimeout = watchTimeout
        }
    }

    public let configuration: Configuration
    private let queue = BlockingQueue(label: "cccd.pcsc.service")
    /// The context used for listing; `nil` after it was found dead. Only touched on `queue`.
    private let context = Mutex<PCSCContext?>(nil)

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    public func readers() async throws -> [ReaderStatus] {
        try await withRecovery { [self] in
            let current = try context.withLock { slot in
                if let existing = slot { return existing }
                let fresh = try PCSCContext()
                slot = fresh
                return fresh
            }
            do {
                return try Self.status(of: current)
            } catch let error as SmartCardError where error.reason == .serviceUnavailable {
                context.withLock { $0 = nil }
                throw error
            }
        }
    }

    public func connect(to readerName: String) async throws -> any CardChannel {
        try await connection(to: readerName)
    }

    /// Connects to the card in `readerName` with a context and queue of its own.
    public func connection(to readerName: String) async throws -> CardConnection {
        try await withRecovery {
            let queue = BlockingQueue(label: "cccd.pcsc.card")
            let handle = try CardHandle(context: try PCSCContext(), readerName: readerName)
            return try CardConnection(handle: handle, queue: queue)
        }
    }

    /// The capabilities of `readerName` whether or not a card is in it: connects in direct mode
    /// (no card needed) to ask the driver, falling back to the name table when the driver refuses
    /// direct connections.
    public func capabilities(of readerName: String) async throws -> ReaderCapabilities {
        try await withRecovery {
            let context = try PCSCContext()
            let direct = try? CardHandle(context: context, readerName: readerName, shareMode: DWORD(SCARD_SHARE_DIRECT))
            return direct?.capabilities() ?? ReaderCapabilities.detect(readerName: readerName, ifdType: nil, maxInput: nil)
        }
    }

    public func events() -> AsyncStream<ReaderEvent> {
        ReaderWatcher.start(configuration: configuration)
    }

    /// Runs `body` on the service queue, retrying along the back-off schedule while pcscd is away.
    private func withRecovery<T: Sendable>(
        _ body: @escaping @Sendable () throws -> T
    ) async throws -> T {
        var pauses = configuration.recoveryBackoff.makeIterator()
        while true {
            do {
                return try await queue.run(body)
            } catch let error as SmartCardError where error.reason == .serviceUnavailable {
                guard let pause = pauses.next() else { throw error }
                try await Task.sleep(for: pause)
            }
        }
    }

    /// Every reader's state in one non-blocking `SCardGetStatusChange`. A reader unplugged between
    /// listing and asking fails the whole call with `SCARD_E_UNKNOWN_READER`: list again.
    static func status(of context: PCSCContext) throws(SmartCardError) -> [ReaderStatus] {
        var records: [ReaderStateRecord] = []
        var status = PCSCStatus(SCARD_E_UNKNOWN_READER)
        for _ in 0..<3 where status.rawValue == SCARD_E_UNKNOWN_READER {
            records = try context.readerNames().map { ReaderStateRecord(name: $0) }
            if records.isEmpty { return [] }
            status = context.waitForChange(&records, timeout: 0)
        }
        guard status.isSuccess || status.rawValue == SCARD_E_TIMEOUT else {
            throw status.error ?? SmartCardError(.communicationFailed)
        }
        return records.filter { !$0.readerGone }.map { record in
            ReaderStatus(
                name: record.name, cardPresent: record.cardPresent,
                atr: record.cardPresent ? record.atr : [],
                inUseExclusively: record.has(SCARD_STATE_EXCLUSIVE)
            )
        }
    }
}
