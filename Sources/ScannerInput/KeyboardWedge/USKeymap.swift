/// The US keyboard layout as key codes (linux/input-event-codes.h), the layout a wedge scanner
/// must be set to for the kiosk: the scanner turns characters into key presses assuming a layout,
/// and only a fixed one lets us turn them back.
enum USKeymap {
    struct Key {
        var plain: Character
        var shifted: Character
        /// Letters follow CapsLock; digits and punctuation do not.
        var isLetter: Bool
    }

    static let leftShift: UInt16 = 42, rightShift: UInt16 = 54
    static let leftAlt: UInt16 = 56, rightAlt: UInt16 = 100
    static let leftControl: UInt16 = 29, rightControl: UInt16 = 97
    static let capsLock: UInt16 = 58, numLock: UInt16 = 69
    static let enter: UInt16 = 28, keypadEnter: UInt16 = 96

    /// KP0…KP9 → digit, for Alt+numpad runs.
    static let keypadDigits: [UInt16: UInt8] = [
        82: 0, 79: 1, 80: 2, 81: 3, 75: 4, 76: 5, 77: 6, 71: 7, 72: 8, 73: 9,
    ]

    static func key(_ code: UInt16) -> Key? { keys[code] }

    private static let keys: [UInt16: Key] = {
        var keys: [UInt16: Key] = [:]
        func row(_ first: UInt16, _ plain: String, _ shifted: String) {
            for (offset, pair) in zip(plain, shifted).enumerated() {
                keys[first + UInt16(offset)] = Key(plain: pair.0, shifted: pair.1, isLetter: pair.0.isLetter)
            }
        }
        row(2, "1234567890-=", "!@#$%^&*()_+")
        row(15, "\tqwertyuiop[]", "\tQWERTYUIOP{}")
        row(30, "asdfghjkl;'`", "ASDFGHJKL:\"~")
        row(43, "\\zxcvbnm,./", "|ZXCVBNM<>?")
        row(55, "*", "*")
        row(57, " ", " ")
        row(71, "789-456+1230.", "789-456+1230.")
        row(98, "/", "/")
        return keys
    }()
}
