import ChipProtocol
import SmartCardReader

/// When a card leaves the field mid-command, pcscd often reports a failed transmission
/// (`SCARD_E_NOT_TRANSACTED`, a communication error; vpcd an empty answer) rather than a removal; the reader's state,
/// asked right after, tells which it was. The operator then hears "card removed" (tap again), not
/// "communication failed".
enum CardRemoval {
    static func explain(_ error: SmartCardError, reader: String, service: PCSCService) async -> SmartCardError {
        guard [.communicationFailed, .cardUnresponsive, .readerUnavailable, .malformedResponse].contains(error.reason) else { return error }
        // pcscd polls the reader for presence; give it a moment to notice (synchronisation only).
        for _ in 0..<10 {
            if let status = try? await service.readers().first(where: { $0.name == reader }), !status.cardPresent {
                return SmartCardError(.cardRemoved, diagnostic: error.diagnostic)
            }
            try? await Task.sleep(for: .milliseconds(100))
        }
        return error
    }
}
