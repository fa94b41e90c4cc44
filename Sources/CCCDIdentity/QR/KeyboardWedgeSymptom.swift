/// How a keyboard-wedge scanner gave itself away.
///
/// A scanner in keyboard mode "types" the payload as key codes: Vietnamese letters have no key
/// codes (lost, or replaced by `?` through Alt+numpad code pages), a Vietnamese IME rewrites
/// what is typed (`|` → `\`, `D` → `Đ`), and a non-US layout shifts the digit row. The data is
/// then silently wrong, so the parser refuses it and tells the admin to change the scanner's mode.
public enum KeyboardWedgeSymptom: String, Sendable, Hashable, Codable, CaseIterable {
    /// `\` separates the fields where `|` should.
    case backslashSeparators
    /// `?` or U+FFFD stands where Vietnamese letters should be.
    case lettersReplaced
    /// The text fields carry no Vietnamese diacritics at all (`Nu` for `Nữ`).
    case diacriticsLost
    /// The digits arrived as the symbols of a shifted or non-US keyboard row (`!@#`, `&é"`).
    case digitsShifted
    /// `Đ` appears where the card code needs an ASCII `D`.
    case dWithStroke

    /// English, for the error's diagnostic (contains no scanned data).
    public var explanation: String {
        switch self {
        case .backslashSeparators: "fields are separated by '\\' instead of '|'"
        case .lettersReplaced: "Vietnamese letters arrived as '?' or replacement characters"
        case .diacriticsLost: "Vietnamese diacritics were lost (e.g. 'Nu' instead of 'Nữ')"
        case .digitsShifted: "digits arrived as keyboard symbols (wrong keyboard layout or Shift state)"
        case .dWithStroke: "'Đ' arrived where the card code has 'D'"
        }
    }
}

/// The checks behind ``KeyboardWedgeSymptom``, run before strict field validation so the admin
/// gets actionable advice instead of "field 4 (sex) is neither Nam nor Nữ".
enum KeyboardWedgeDetector {
    /// Digit-row symbols: US with Shift (`)!@#$%^&*(` for 0…9) and French AZERTY unshifted.
    private static let shiftedDigitSymbols: Set<Character> = [
        ")", "!", "@", "#", "$", "%", "^", "&", "*", "(",
        "à", "é", "\"", "'", "-", "è", "_", "ç",
    ]

    /// True when a 12-character field that should be the ID is made of digit-row symbols.
    static func looksShifted(_ field: Substring) -> Bool {
        field.count == 12 && field.allSatisfy { $0.isNumber || shiftedDigitSymbols.contains($0) }
            && !field.allSatisfy(\.isNumber)
    }

    /// What a wedge makes of `Nữ`: `Nu`, `NU`, `N?`, `N`, `Nư`, `Nũ`…
    static func looksLikeMangledSex(_ field: Substring) -> Bool {
        guard Sex(qrText: field) == nil else { return false }
        guard let first = field.first, first == "N" || first == "n", field.count <= 4 else { return false }
        return field.lowercased() != "nam" && field != "Nữ"
    }

    static func hasReplacementCharacters(_ field: Substring) -> Bool {
        PayloadScan(field.utf8).hasReplacement
    }

    static func isASCII(_ field: Substring) -> Bool {
        field.utf8.allSatisfy { $0 < 0x80 }
    }
}
