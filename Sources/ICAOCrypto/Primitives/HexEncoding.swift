/// Hexadecimal text for byte strings: how ICAO's worked examples, APDU traces and operator
/// diagnostics write them.
extension Array where Element == UInt8 {
    /// Parses hex digits, ignoring spaces and newlines; `nil` on any other character or an odd
    /// number of digits.
    public init?(hexString: String) {
        let digits = hexString.unicodeScalars.filter { !$0.properties.isWhitespace }
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var high: UInt8?
        for scalar in digits {
            guard let value = UInt8(String(scalar), radix: 16) else { return nil }
            if let upper = high {
                bytes.append(upper << 4 | value)
                high = nil
            } else {
                high = value
            }
        }
        self = bytes
    }

    /// Upper-case hex without separators, as the standard prints values.
    public var hexString: String {
        let digits = Array("0123456789ABCDEF".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(count * 2)
        for byte in self {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
