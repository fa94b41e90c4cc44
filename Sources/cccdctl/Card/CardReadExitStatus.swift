import CCCDIdentity
import ChipProtocol
import SmartCardReader

/// The exit statuses of `cccdctl card read` (sysexits.h), grouped by what the operator does next.
enum CardReadExitStatus: Int32 {
    /// The chip's data is malformed, or the card is not an ICAO document (EX_DATAERR).
    case dataError = 65
    /// No pcscd, no reader, no card in it, or the reader is held by another program (EX_UNAVAILABLE).
    case unavailable = 69
    /// Anything the categories below do not cover (EX_SOFTWARE).
    case internalError = 70
    /// `--out` or `--photo` cannot be written (EX_CANTCREAT).
    case cannotWrite = 73
    /// The card left the reader, was reset, or the read ran out of time: tap again (EX_TEMPFAIL).
    case tryAgain = 75
    /// The CAN or MRZ does not open the chip, or pcscd refused this user (EX_NOPERM).
    case accessDenied = 77

    init(for error: any Error) {
        switch error {
        case let error as SmartCardError: self = Self.status(for: error.reason)
        case let error as ChipReadError: self = Self.status(for: error.reason)
        case is SecureMessagingError: self = .tryAgain
        case let error as CardReadProblem: self = error.reason.exitStatus
        // PACE, BAC, APDU, TLV and LDS errors: the chip answered something that does not hold up.
        case is any UserFacingError: self = .dataError
        default: self = .internalError
        }
    }

    private static func status(for reason: ReaderFailure) -> Self {
        switch reason {
        case .cardRemoved, .cardReset, .cardUnresponsive, .timeout: .tryAgain
        case .readerUnavailable, .readerBusy, .noReader, .serviceUnavailable, .disconnected, .communicationFailed: .unavailable
        case .accessDenied: .accessDenied
        case .malformedResponse: .dataError
        }
    }

    private static func status(for reason: ChipReadFailure) -> Self {
        switch reason {
        case .wrongCardAccessNumber, .wrongMRZ, .passwordBlocked, .noUsableAccessKey, .accessDenied: .accessDenied
        case .notAnEMRTD, .fileNotFound, .malformedResponse, .chipRejected: .dataError
        case .sessionLost, .timedOut: .tryAgain
        }
    }
}
