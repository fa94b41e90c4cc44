public import ChipProtocol
import Synchronization

/// The reader-side ``APDUTransport`` wired straight to a ``VirtualCCCDChip``, for tests and
/// benchmarks without pcscd. Counts APDUs and bytes the way a reader's statistics would.
public final class InProcessTransport: APDUTransport {
    /// What has crossed the "air" so far.
    public struct Traffic: Sendable, Hashable {
        public var commands = 0
        public var commandBytes = 0
        public var responseBytes = 0
    }

    public let chip: VirtualCCCDChip
    private let counters = Mutex(Traffic())

    public init(chip: VirtualCCCDChip) {
        self.chip = chip
    }

    public var traffic: Traffic { counters.withLock { $0 } }

    public func transmit(_ command: [UInt8]) async throws -> [UInt8] {
        let response = chip.respond(to: command)
        counters.withLock {
            $0.commands += 1
            $0.commandBytes += command.count
            $0.responseBytes += response.count
        }
        return response
    }
}
