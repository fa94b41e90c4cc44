public import ICAOCrypto

/// The "MRZ information" BAC and PACE-MRZ derive keys from (Doc 9303-11 §9.7.2): document number,
/// date of birth and date of expiry, each followed by its check digit.
///
/// It is personal data, so it never prints itself (``SecretBearing``).
public struct MRZInformation: Sendable, Hashable, SecretBearing {
    /// `L898902C<3` ‖ `6908061` ‖ `9406236`.
    public let value: String

    /// Builds the string from its fields. Document numbers shorter than 9 characters are filled
    /// with `<`; dates are `YYMMDD`.
    public init(documentNumber: String, dateOfBirth: String, dateOfExpiry: String) throws {
        var number = documentNumber.uppercased()
        while number.count < 9 { number += "<" }
        guard MRZCheckDigit.isMRZText(number) else {
            throw BACError(.invalidDocumentNumber)
        }
        for date in [dateOfBirth, dateOfExpiry] {
            guard date.count == 6, date.allSatisfy(\.isASCIIDigit) else { throw BACError(.invalidDate) }
        }
        value = [number, dateOfBirth, dateOfExpiry].map { $0 + String(MRZCheckDigit.compute($0)) }.joined()
    }

    /// An already assembled MRZ information string (as the standard's examples print it).
    public init(value: String) throws {
        guard value.count >= 24, MRZCheckDigit.isMRZText(value) else { throw BACError(.invalidDocumentNumber) }
        self.value = value
    }
}

/// The ICAO 9303-3 check digit: weights 7, 3, 1 over digits, letters A=10…Z=35 and filler `<`=0.
enum MRZCheckDigit {
    static func compute(_ text: String) -> Character {
        let weights = [7, 3, 1]
        var sum = 0
        for (index, character) in text.enumerated() {
            sum += value(of: character) * weights[index % 3]
        }
        return Character(String(sum % 10))
    }

    static func isMRZText(_ text: String) -> Bool {
        text.allSatisfy { $0 == "<" || $0.isASCIIDigit || ("A"..."Z").contains($0) }
    }

    private static func value(of character: Character) -> Int {
        guard let ascii = character.asciiValue else { return 0 }
        switch ascii {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(ascii - UInt8(ascii: "0"))
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return Int(ascii - UInt8(ascii: "A")) + 10
        default: return 0
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
