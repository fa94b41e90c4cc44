/// The 12-digit personal ID number (số định danh cá nhân), laid out `PPP G YY NNNNNN`.
///
/// - `PPP`: where the birth was registered (a pre-2025 province, or a country for births abroad);
/// - `G`: century and sex (century = 1900 + 100·⌊G/2⌋, even = male, odd = female);
/// - `YY`: the last two digits of the birth year; `NNNNNN`: a serial. There is no check digit,
///   so the only consistency checks are against the date of birth and sex (``crossCheck(dateOfBirth:sex:)``).
public struct PersonalID: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The 12 ASCII digits.
    public let digits: String

    /// Accepts exactly 12 ASCII digits; anything else (spaces, dashes, 9-digit CMND numbers) is `nil`.
    public init?(_ text: some StringProtocol) {
        guard Digits.areAll(text, count: 12) else { return nil }
        digits = String(text)
    }

    private var bytes: [UInt8] { Array(digits.utf8) }

    /// The three-digit birth-registration code, `001`…`999`, as a number.
    public var registrationCode: Int { Digits.value(bytes[0..<3]) ?? 0 }

    /// What ``registrationCode`` means; ``BirthRegistration/unknown(code:)`` is a warning, not an error.
    public var birthRegistration: BirthRegistration { BirthRegistration(code: registrationCode) }

    /// The century-and-sex digit `G`.
    public var centuryDigit: Int { Digits.value(bytes[3..<4]) ?? 0 }

    /// The sex encoded by `G`: even = male, odd = female.
    public var sex: Sex { centuryDigit.isMultiple(of: 2) ? .male : .female }

    /// The full birth year encoded by `G` and `YY`.
    public var birthYear: Int { 1900 + 100 * (centuryDigit / 2) + (Digits.value(bytes[4..<6]) ?? 0) }

    /// The six-digit serial `NNNNNN`.
    public var serial: String { String(digits.suffix(6)) }

    /// The PACE Card Access Number: the last 6 digits (de-facto rule used by Vietnamese readers).
    public var cardAccessNumber: CardAccessNumber { CardAccessNumber(unchecked: String(digits.suffix(6))) }

    /// The document number in the chip's MRZ and the BAC key: the **last 9** digits.
    public var bacDocumentNumber: String { String(digits.suffix(9)) }

    /// Never prints the number itself, so an accidental interpolation cannot leak it into a log.
    public var description: String { "PersonalID(<redacted>)" }

    /// Encodes as the 12-digit string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(digits)
    }

    /// Decodes the 12-digit string, validating it like ``init(_:)``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        guard let id = PersonalID(try container.decode(String.self)) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected 12 ASCII digits")
        }
        self = id
    }
}
