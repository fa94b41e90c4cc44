/// One reason something failed, in one module's terms. Its raw value is the stable dotted error
/// code (`ledger.store.unavailable`); each concern has its own enum so callers switch exhaustively
/// on what can actually happen there.
public protocol ErrorReason: RawRepresentable<String>, Sendable, Hashable {
    /// Bilingual text free of personal data.
    var message: LocalizedText { get }
}

/// The product's error shape: a reason (code and bilingual message) plus an operator-only
/// diagnostic. Modules declare `typealias LedgerError = CodedError<LedgerFailure>` instead of
/// repeating the same struct.
///
/// Equality compares both; tests that only care about the reason compare `reason`.
public struct CodedError<Reason: ErrorReason>: UserFacingError, Hashable {
    public var reason: Reason
    public var diagnostic: String?

    public init(_ reason: Reason, diagnostic: String? = nil) {
        self.reason = reason
        self.diagnostic = diagnostic
    }

    public var code: String { reason.rawValue }
    public var message: LocalizedText { reason.message }
}
