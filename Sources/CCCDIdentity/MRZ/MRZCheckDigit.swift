/// The ICAO 9303 Part 3 §4.9 check digit: weights 7, 3, 1 repeating; `0`–`9` count as
/// themselves, `A`–`Z` as 10–35, the filler `<` as 0; the sum modulo 10.
public enum MRZCheckDigit {
    /// The check digit over `text`, or `nil` if `text` holds a character an MRZ cannot.
    public static func compute(_ text: some StringProtocol) -> Int? {
        var sum = 0
        var position = 0
        for byte in text.utf8 {
            guard let value = value(of: byte) else { return nil }
            sum += value * weights[position % 3]
            position += 1
        }
        return sum % 10
    }

    /// The check digit as the MRZ character (`"0"`…`"9"`).
    public static func character(for text: some StringProtocol) -> Character? {
        compute(text).map { Character(String($0)) }
    }

    /// True when `checkCharacter` is the check digit over `text`. ICAO lets a `<` check digit stand
    /// for 0 when the field is entirely fillers (e.g. an empty TD3 personal number).
    static func verify(_ text: some StringProtocol, against checkCharacter: UInt8) -> Bool {
        guard let expected = compute(text) else { return false }
        if checkCharacter == UInt8(ascii: "<") {
            return text.utf8.allSatisfy { $0 == UInt8(ascii: "<") }
        }
        guard let digit = Digits.value(CollectionOfOne(checkCharacter)) else { return false }
        return digit == expected
    }

    private static let weights = [7, 3, 1]

    static func value(of byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): Int(byte - UInt8(ascii: "A")) + 10
        case UInt8(ascii: "<"): 0
        default: nil
        }
    }
}
