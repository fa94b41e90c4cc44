/// What Basic Access Control derives its keys from: document number, date of birth and date of
/// expiry, each with its check digit (ICAO 9303-11 §4.3.2, "MRZ information").
public struct BACKeyMaterial: Sendable, Hashable, CustomStringConvertible {
    /// Without fillers.
    public let documentNumber: String
    /// `YYMMDD`.
    public let dateOfBirth: String
    /// `YYMMDD` (`991231` for a Vietnamese card that never expires).
    public let dateOfExpiry: String

    /// Validates the MRZ alphabet and the six-character dates.
    public init?(documentNumber: String, dateOfBirth: String, dateOfExpiry: String) {
        guard !documentNumber.isEmpty, MRZCheckDigit.compute(documentNumber) != nil,
              MRZDate(validating: dateOfBirth) != nil, MRZDate(validating: dateOfExpiry) != nil
        else { return nil }
        self.init(unchecked: documentNumber, dateOfBirth: dateOfBirth, dateOfExpiry: dateOfExpiry)
    }

    init(unchecked documentNumber: String, dateOfBirth: String, dateOfExpiry: String) {
        self.documentNumber = documentNumber
        self.dateOfBirth = dateOfBirth
        self.dateOfExpiry = dateOfExpiry
    }

    /// The document number padded with `<` to at least 9 characters, then its check digit, the
    /// birth date and its check digit, the expiry and its check digit — App. D:
    /// `L898902C<` `3` `690806` `1` `940623` `6`.
    public var mrzInformation: String {
        let padded = documentNumber.count >= 9
            ? documentNumber : documentNumber + String(repeating: "<", count: 9 - documentNumber.count)
        return [padded, dateOfBirth, dateOfExpiry].map { $0 + String(MRZCheckDigit.compute($0) ?? 0) }.joined()
    }

    /// ``mrzInformation`` as the bytes hashed into K_seed.
    public var mrzInformationBytes: [UInt8] { Array(mrzInformation.utf8) }

    public var description: String { "BACKeyMaterial(<redacted>)" }
}
