public import ChipProtocol
import Synchronization

/// A ``ChipTerminal`` whose "readers" are slots holding virtual chips in this process: the
/// daemon's demo (which needs neither pcscd nor vpcd) and the pipeline tests.
///
/// It speaks the same APDUs to the same chip engine as the vpcd rig, only without PC/SC between.
public final class InProcessChipTerminal: ChipTerminal {
    private let slots = Mutex<[String: VirtualCCCDChip]>([:])

    public init() {}

    /// Places `chip` on `reader` (replacing any card there).
    public func insert(_ chip: VirtualCCCDChip, into reader: String) {
        chip.powerOn()
        slots.withLock { $0[reader] = chip }
    }

    public func remove(from reader: String) {
        slots.withLock { $0.removeValue(forKey: reader) }?.powerOff()
    }

    public func readChip(
        on reader: String, credentials: ChipCredentials, plan: ReadPlan, timeout: Duration, progress: ReadProgressHandler?
    ) async throws -> ChipReadResult {
        guard let chip = slots.withLock({ $0[reader] }) else {
            throw ChipReadError(.sessionLost, diagnostic: "no virtual card on \(reader)")
        }
        // The card side has its own `ChipSession`; this is the reader's.
        return try await ChipProtocol.ChipSession.read(
            over: InProcessTransport(chip: chip), credentials: credentials, plan: plan, policy: .extended(readerMaximumResponseLength: 65538),
            timeout: timeout, progress: progress
        )
    }
}
