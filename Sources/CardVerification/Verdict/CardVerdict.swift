public import CCCDIdentity

/// The one verdict a kiosk acts on, with every individual check behind it.
///
/// (Interface placeholder merged ahead of the verifier; the verdict work replaces this file.)
public struct CardVerdict: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case authentic, authenticUnchained, suspicious, invalid
    }

    public var kind: Kind
    public var reasons: [VerdictReason]
    public var checks: [VerificationCheck]

    public init(kind: Kind, reasons: [VerdictReason], checks: [VerificationCheck]) {
        self.kind = kind
        self.reasons = reasons
        self.checks = checks
    }

    public var failedCheckNames: [String] { checks.filter { $0.status == .failed }.map(\.name) }
}

public struct VerdictReason: Sendable, Hashable, Codable {
    public var code: String
    public var message: LocalizedText

    public init(code: String, message: LocalizedText) {
        self.code = code
        self.message = message
    }
}
