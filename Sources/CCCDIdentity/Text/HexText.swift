/// Hex-encoded UTF-8, as the BHYT card QR stores names and addresses (so the QR stays ASCII and
/// survives keyboard-wedge scanners — unlike the CCCD's).
enum HexText {
    /// Even length, at least 2, only `0-9a-fA-F`.
    static func isHex(_ text: some StringProtocol) -> Bool {
        let utf8 = text.utf8
        return utf8.count >= 2 && utf8.count.isMultiple(of: 2) && utf8.allSatisfy { nibble($0) != nil }
    }

    /// The decoded text (NFC), or `nil` when not hex or not valid UTF-8 or containing controls.
    static func decode(_ text: some StringProtocol) -> String? {
        guard isHex(text) else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count / 2)
        var high: UInt8?
        for byte in text.utf8 {
            guard let value = nibble(byte) else { return nil }
            if let pending = high {
                bytes.append(pending << 4 | value)
                high = nil
            } else {
                high = value
            }
        }
        guard let decoded = String(validating: bytes, as: UTF8.self),
              !ControlCharacters.occur(in: decoded.utf8)
        else { return nil }
        return PayloadText.normalised(String(PayloadText.trim(Substring(decoded))))
    }

    private static func nibble(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
