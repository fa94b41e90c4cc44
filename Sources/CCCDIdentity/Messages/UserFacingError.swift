/// The shape every typed error of the product takes.
///
/// Errors travel into logs, metrics, the ledger and the kiosk page, so they are split in two:
/// - ``code`` and ``message`` are safe anywhere: they never contain personal data (ID numbers,
///   names, dates of birth, addresses, MRZ, chip bytes) or secrets.
/// - ``diagnostic`` may quote the offending input ("31022021") so an operator at a terminal can
///   see what was wrong. It must only be shown to the person who supplied the input, never logged.
public protocol UserFacingError: Error, Sendable, CustomStringConvertible {
    /// A stable dotted identifier (`qr.field.notADate`) that auditors can count and docs can list.
    var code: String { get }
    /// What went wrong, in Vietnamese and English, free of personal data.
    var message: LocalizedText { get }
    /// The offending input quoted for the operator; `nil` when there is nothing worth quoting.
    var diagnostic: String? { get }
}

extension UserFacingError {
    public var diagnostic: String? { nil }

    /// Safe to log: the code and the English message, never the diagnostic.
    public var description: String { "\(code): \(message.en)" }

    /// For the operator's own terminal: the message in `language` followed by the quoted input.
    public func operatorText(in language: Language = .en) -> String {
        guard let diagnostic else { return message[language] }
        return "\(message[language]): \(diagnostic)"
    }
}
