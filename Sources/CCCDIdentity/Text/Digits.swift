/// ASCII digit helpers shared by the date, ID and MRZ parsers.
///
/// They work on UTF-8 bytes rather than `Character`s because every field they read is ASCII by
/// specification, and byte loops keep QR parsing in the low microseconds.
enum Digits {
    /// The decimal value of a run of ASCII digits, or `nil` if any byte is not `0`…`9` or the run
    /// is empty or longer than 18 digits (so the value always fits an `Int`).
    static func value(_ bytes: some Collection<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
        var result = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            result = result * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return result
    }

    /// True when `text` is exactly `count` ASCII digits.
    static func areAll(_ text: some StringProtocol, count: Int) -> Bool {
        let utf8 = text.utf8
        return utf8.count == count && utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// `value` in decimal, left-padded with zeros to `width` (never truncated).
    static func padded(_ value: Int, width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
