public import CCCDIdentity

/// One reason a chip-protocol step failed. Its raw value is the stable dotted error code; each
/// concern (APDU, TLV, secure messaging, BAC, PACE) has its own enum so callers can switch
/// exhaustively on what can actually happen there.
public protocol ChipFailureReason: RawRepresentable<String>, Sendable, Hashable {
    /// Bilingual text free of personal data.
    var message: LocalizedText { get }
}

/// The error type of the chip protocol: a reason plus an operator-only diagnostic.
///
/// Equality compares both; tests that only care about the reason compare `reason`.
public struct ChipProtocolError<Reason: ChipFailureReason>: UserFacingError, Equatable {
    public var reason: Reason
    public var diagnostic: String?

    public init(_ reason: Reason, diagnostic: String? = nil) {
        self.reason = reason
        self.diagnostic = diagnostic
    }

    public var code: String { reason.rawValue }
    public var message: LocalizedText { reason.message }
}
