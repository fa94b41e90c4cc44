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
    /// The keyboard layer itself reported keys lost, repeated or not understood on the way (key
    /// auto-repeat, events dropped by the kernel, keys outside the layout): the text may parse and
    /// still be wrong — a BHYT card code with a doubled digit is another person's card.
    case keystrokesLost

    /// English, for the error's diagnostic (contains no scanned data).
    public var explanation: String {
        switch self {
        case .backslashSeparators: "fields are separated by '\\' instead of '|'"
        case .lettersReplaced: "Vietnamese letters arrived as '?' or replacement characters"
        case .diacriticsLost: "Vietnamese diacritics were lost (e.g. 'Nu' instead of 'Nữ')"
        case .digitsShifted: "digits arrived as keyboard symbols (wrong keyboard layout or Shift state)"
        case .dWithStroke: "'Đ' arrived where the card code has 'D'"
        case .keystrokesLost: "keystrokes were lost, repeated or not understood between the scanner and the reader"
        }
    }
}
