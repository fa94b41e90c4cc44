import Foundation

/// A person's full name as the desk sends it to a gateway: runs of whitespace collapsed to one
/// space, NFC, at most 100 characters (the BHXH field), no control characters.
///
/// One rule for every way a name enters — the manual-entry API checks it before a presentation
/// starts and the eligibility query on construction — so a name the API accepted can never be
/// refused by the lookup after the attempt was already recorded.
public enum FullNameText {
    public static let maximumLength = 100

    public enum Problem: Error, Sendable, Equatable {
        case empty, tooLong, controlCharacters
    }

    public static func normalized(_ text: String) -> Result<String, Problem> {
        let name = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if name.isEmpty { return .failure(.empty) }
        if name.count > maximumLength { return .failure(.tooLong) }
        if name.unicodeScalars.contains(where: ControlCharacters.isControl) { return .failure(.controlCharacters) }
        return .success(name.precomposedStringWithCanonicalMapping)
    }
}
