@testable import CCCDIdentity

extension HexText {
    /// `text`'s UTF-8 as lowercase hex, the inverse of ``decode(_:)``: builds BHYT test payloads.
    static func encode(_ text: String) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var result: [UInt8] = []
        for byte in text.utf8 {
            result.append(digits[Int(byte >> 4)])
            result.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: result, as: UTF8.self)
    }
}
