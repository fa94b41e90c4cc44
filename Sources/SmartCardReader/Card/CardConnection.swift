import ChipProtocol
import CPCSCLite

/// A shared-mode connection to the card in one reader: the ``APDUTransport`` the chip protocol
/// (BAC, PACE, secure messaging, reading) runs over.
///
/// Each connection owns its PC/SC context and serial queue, so several readers transmit in
/// parallel and no call blocks Swift's cooperative pool. Errors are ``SmartCardError``:
/// `.cardRemoved` when the card leaves the field, `.cardReset` after another party reset it (the
/// connection is already re-established; restart the session), `.readerUnavailable`,
/// `.serviceUnavailable` when pcscd went away (open a new connection once it is back), `.timeout`.
public final class CardConnection: CardChannel {
    public let readerName: String
    /// The ATR (or contactless pseudo-ATR) seen when connecting.
    public let answerToReset: AnswerToReset
    public let capabilities: ReaderCapabilities
    /// The negotiated protocol: 1 for T=1 and contactless, 0 for T=0.
    public let transmissionProtocol: Int

    private let handle: CardHandle
    private let queue: BlockingQueue

    init(handle: CardHandle, queue: BlockingQueue) throws(SmartCardError) {
        self.handle = handle
        self.queue = queue
        readerName = handle.readerName
        answerToReset = AnswerToReset(try handle.currentATR())
        capabilities = handle.capabilities()
        transmissionProtocol = handle.activeProtocol == DWORD(SCARD_PROTOCOL_T0) ? 0 : 1
    }

    /// Sends one command APDU and returns the response with SW1 SW2. Command bytes never appear
    /// in errors. Cancelling returns at once; the APDU may still reach the card.
    public func transmit(_ command: [UInt8]) async throws -> [UInt8] {
        let handle = handle
        return try await queue.run { try handle.transmit(command) }
    }

    /// Re-establishes the connection; with `resetCard` the card is reset first (warm reset, or a
    /// field reset for contactless), which ends any session on it.
    public func reconnect(resetCard: Bool = false) async throws {
        let handle = handle
        let disposition = DWORD(resetCard ? SCARD_RESET_CARD : SCARD_LEAVE_CARD)
        try await queue.run { try handle.reconnect(disposition: disposition) }
    }

    /// Ends the connection (leaving the card powered, so another reader session can follow).
    /// Later transmits fail with `.disconnected`.
    public func disconnect() async {
        let handle = handle
        _ = try? await queue.run { handle.disconnect(disposition: DWORD(SCARD_LEAVE_CARD)) }
    }
}
