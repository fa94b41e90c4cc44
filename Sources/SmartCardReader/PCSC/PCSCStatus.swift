import CPCSCLite

/// A pcsc-lite return code (`LONG`, 64-bit on Linux) and what it means for the caller.
struct PCSCStatus: Equatable, Sendable {
    let rawValue: LONG

    init(_ rawValue: LONG) { self.rawValue = rawValue }

    var isSuccess: Bool { rawValue == SCARD_S_SUCCESS }

    /// The codes that mean the context is dead: pcscd stopped or restarted. pcsc-lite never revives
    /// such a context, so its owner must release it and establish a new one.
    var meansServiceLost: Bool {
        [SCARD_F_COMM_ERROR, SCARD_E_NO_SERVICE, SCARD_E_SERVICE_STOPPED, SCARD_E_INVALID_HANDLE]
            .contains(rawValue)
    }

    /// `SCARD_W_REMOVED_CARD (0x80100069)`, for diagnostics (pcsc_stringify_error gives prose).
    var name: String {
        let hex = String(UInt64(bitPattern: Int64(rawValue)) & 0xFFFF_FFFF, radix: 16, uppercase: true)
        return "\(Self.names[rawValue] ?? "PC/SC status") (0x\(hex))"
    }

    /// The typed failure for this code; `nil` on success.
    var failure: ReaderFailure? {
        switch rawValue {
        case SCARD_S_SUCCESS: nil
        case SCARD_W_REMOVED_CARD, SCARD_E_NO_SMARTCARD: .cardRemoved
        case SCARD_W_RESET_CARD: .cardReset
        case SCARD_W_UNRESPONSIVE_CARD, SCARD_W_UNPOWERED_CARD, SCARD_W_UNSUPPORTED_CARD,
            SCARD_E_CARD_UNSUPPORTED, SCARD_E_PROTO_MISMATCH:
            .cardUnresponsive
        case SCARD_E_READER_UNAVAILABLE: .readerUnavailable
        case SCARD_E_UNKNOWN_READER, SCARD_E_NO_READERS_AVAILABLE: .noReader
        case SCARD_E_SHARING_VIOLATION: .readerBusy
        case SCARD_E_TIMEOUT: .timeout
        case SCARD_E_NO_ACCESS, SCARD_W_SECURITY_VIOLATION: .accessDenied
        default: meansServiceLost ? .serviceUnavailable : .communicationFailed
        }
    }

    /// The error to throw for a failed call (`nil` on success).
    var error: SmartCardError? {
        failure.map { SmartCardError($0, diagnostic: name) }
    }

    /// Throws the typed error unless the call succeeded.
    func check() throws(SmartCardError) {
        if let error { throw error }
    }

    private static let names: [LONG: String] = [
        SCARD_F_INTERNAL_ERROR: "SCARD_F_INTERNAL_ERROR",
        SCARD_E_CANCELLED: "SCARD_E_CANCELLED",
        SCARD_E_INVALID_HANDLE: "SCARD_E_INVALID_HANDLE",
        SCARD_E_INVALID_PARAMETER: "SCARD_E_INVALID_PARAMETER",
        SCARD_E_NO_MEMORY: "SCARD_E_NO_MEMORY",
        SCARD_E_INSUFFICIENT_BUFFER: "SCARD_E_INSUFFICIENT_BUFFER",
        SCARD_E_UNKNOWN_READER: "SCARD_E_UNKNOWN_READER",
        SCARD_E_TIMEOUT: "SCARD_E_TIMEOUT",
        SCARD_E_SHARING_VIOLATION: "SCARD_E_SHARING_VIOLATION",
        SCARD_E_NO_SMARTCARD: "SCARD_E_NO_SMARTCARD",
        SCARD_E_PROTO_MISMATCH: "SCARD_E_PROTO_MISMATCH",
        SCARD_E_NOT_READY: "SCARD_E_NOT_READY",
        SCARD_F_COMM_ERROR: "SCARD_F_COMM_ERROR",
        SCARD_E_NOT_TRANSACTED: "SCARD_E_NOT_TRANSACTED",
        SCARD_E_READER_UNAVAILABLE: "SCARD_E_READER_UNAVAILABLE",
        SCARD_E_CARD_UNSUPPORTED: "SCARD_E_CARD_UNSUPPORTED",
        SCARD_E_NO_SERVICE: "SCARD_E_NO_SERVICE",
        SCARD_E_SERVICE_STOPPED: "SCARD_E_SERVICE_STOPPED",
        SCARD_E_UNSUPPORTED_FEATURE: "SCARD_E_UNSUPPORTED_FEATURE",
        SCARD_E_NO_READERS_AVAILABLE: "SCARD_E_NO_READERS_AVAILABLE",
        SCARD_E_NO_ACCESS: "SCARD_E_NO_ACCESS",
        SCARD_W_SECURITY_VIOLATION: "SCARD_W_SECURITY_VIOLATION",
        SCARD_E_COMM_DATA_LOST: "SCARD_E_COMM_DATA_LOST",
        SCARD_W_UNSUPPORTED_CARD: "SCARD_W_UNSUPPORTED_CARD",
        SCARD_W_UNRESPONSIVE_CARD: "SCARD_W_UNRESPONSIVE_CARD",
        SCARD_W_UNPOWERED_CARD: "SCARD_W_UNPOWERED_CARD",
        SCARD_W_RESET_CARD: "SCARD_W_RESET_CARD",
        SCARD_W_REMOVED_CARD: "SCARD_W_REMOVED_CARD",
    ]
}
