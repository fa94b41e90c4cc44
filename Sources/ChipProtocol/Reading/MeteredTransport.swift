import Synchronization

/// A transport that can put the card back into its power-on state (PC/SC `SCardReconnect` with
/// reset). After secure messaging broke, a reset is the clean way to run access control again:
/// the chip forgets its half-open session and the MF is current. Optional: without it the reader
/// re-runs access control on the card as it is.
public protocol ResettableAPDUTransport: APDUTransport {
    func resetCard() async throws
}

/// Wraps the session's transport to count every APDU and byte and to enforce the time budget,
/// so PACE and BAC (which drive the transport themselves) are counted like file reads.
///
/// Not a place for retries: transport errors (card removed) pass through untouched.
struct MeteredTransport: APDUTransport {
    let base: any APDUTransport
    let deadline: ContinuousClock.Instant?
    private let counters = Counters()

    init(base: any APDUTransport, deadline: ContinuousClock.Instant?) {
        self.base = base
        self.deadline = deadline
    }

    func transmit(_ command: [UInt8]) async throws -> [UInt8] {
        try checkDeadline()
        let response = try await base.transmit(command)
        counters.record(sent: command.count, received: response.count)
        return response
    }

    func checkDeadline() throws {
        if let deadline, ContinuousClock.now >= deadline {
            throw ChipReadError(.timedOut)
        }
    }

    var statistics: TransferStatistics { counters.snapshot }

    func resetCardIfSupported() async throws -> Bool {
        guard let resettable = base as? any ResettableAPDUTransport else { return false }
        try checkDeadline()
        try await resettable.resetCard()
        return true
    }

    /// Shared by copies of the transport (PACE and BAC take it by value).
    private final class Counters: Sendable {
        private let state = Mutex(TransferStatistics())

        func record(sent: Int, received: Int) {
            state.withLock {
                $0.commandCount += 1
                $0.bytesSent += sent
                $0.bytesReceived += received
            }
        }

        var snapshot: TransferStatistics { state.withLock { $0 } }
    }
}
