public import Ledger

/// Where a finished presentation is committed: the ledger, before the kiosk shows the result.
public protocol PresentationRecording: Sendable {
    /// Commits `presentation` durably and returns its sequence number.
    func record(_ presentation: Presentation) throws -> Int64
    /// The keyed pseudonym the ledger stores instead of the ID number.
    func pseudonym(ofPersonalID digits: String) -> SubjectPseudonym
}

/// The production recorder: the hash-chained ledger and the site's pseudonym key.
public struct LedgerRecorder: PresentationRecording {
    public let ledger: Ledger
    public let pseudonymizer: SubjectPseudonymizer

    public init(ledger: Ledger, pseudonymizer: SubjectPseudonymizer) {
        self.ledger = ledger
        self.pseudonymizer = pseudonymizer
    }

    public func record(_ presentation: Presentation) throws -> Int64 {
        try ledger.append(presentation).sequence
    }

    public func pseudonym(ofPersonalID digits: String) -> SubjectPseudonym {
        pseudonymizer.pseudonym(of: digits)
    }
}
