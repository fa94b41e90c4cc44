public import CCCDIdentity

/// Shared shape of the chip-protocol errors: a reason enum whose raw value is the stable code,
/// plus an operator-only diagnostic. Each concern (APDU, TLV, secure messaging, BAC, PACE) has
/// its own reason enum so callers can switch exhaustively on what can actually happen there.
public protocol ChipProtocolFailure: UserFacingError, Equatable {
    associatedtype Reason: RawRepresentable<String> & Sendable & Hashable
    var reason: Reason { get }
}

extension ChipProtocolFailure {
    public var code: String { reason.rawValue }
}
