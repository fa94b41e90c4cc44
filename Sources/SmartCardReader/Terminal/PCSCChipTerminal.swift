public import ChipProtocol

/// ``ChipTerminal`` over pcsc-lite: connects to the reader, chooses extended or short reads from
/// the reader's and the card's capabilities, reads, and always disconnects.
///
/// A transport failure that coincides with the card leaving the reader is reported as
/// ``ReaderFailure/cardRemoved`` so the kiosk says "the card was moved" rather than a reader fault.
public struct PCSCChipTerminal: ChipTerminal {
    public let service: PCSCService

    public init(service: PCSCService) {
        self.service = service
    }

    public func readChip(
        on reader: String, credentials: ChipCredentials, plan: ReadPlan, timeout: Duration, progress: ReadProgressHandler?
    ) async throws -> ChipReadResult {
        let connection = try await service.connection(to: reader)
        do {
            let result = try await ChipSession.read(
                over: ResettableCardConnection(connection: connection), credentials: credentials, plan: plan,
                policy: Self.readPolicy(for: connection), timeout: timeout, progress: progress
            )
            await connection.disconnect()
            return result
        } catch let error as SmartCardError {
            await connection.disconnect()
            throw await explainRemoval(error, reader: reader)
        } catch {
            await connection.disconnect()
            throw error
        }
    }

    /// Extended length only when both the reader and the card's ATR allow it.
    public static func readPolicy(for connection: CardConnection) -> ReadPolicy {
        let capabilities = connection.capabilities
        guard capabilities.allowsExtendedLength(for: connection.answerToReset) else { return .shortOnly }
        return .extended(readerMaximumResponseLength: capabilities.maxResponseLength)
    }

    /// A communication error right after the card left reads better as "card removed"; pcscd
    /// polls for presence, so it is given a moment (up to 1 s) to notice.
    public func explainRemoval(_ error: SmartCardError, reader: String) async -> SmartCardError {
        guard [.communicationFailed, .cardUnresponsive, .readerUnavailable, .malformedResponse].contains(error.reason) else { return error }
        for _ in 0..<10 {
            if let status = try? await service.readers().first(where: { $0.name == reader }), !status.cardPresent {
                return SmartCardError(.cardRemoved, diagnostic: error.diagnostic)
            }
            try? await Task.sleep(for: .milliseconds(100))
        }
        return error
    }
}

/// A PC/SC connection the chip session can reset: after secure messaging broke, a card reset
/// (SCardReconnect with SCARD_RESET_CARD) is the clean way to run access control again.
public struct ResettableCardConnection: ResettableAPDUTransport {
    public let connection: CardConnection

    public init(connection: CardConnection) {
        self.connection = connection
    }

    public func transmit(_ command: [UInt8]) async throws -> [UInt8] {
        try await connection.transmit(command)
    }

    public func resetCard() async throws {
        try await connection.reconnect(resetCard: true)
    }
}
