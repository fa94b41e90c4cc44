/// The Unicode control characters (general category Cc): C0, DEL and C1.
///
/// Checked by value because `Unicode.Scalar.Properties.generalCategory` is a table lookup that
/// dominated QR parsing time; Cc is fixed by the standard and is exactly these ranges.
enum ControlCharacters {
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// True when valid UTF-8 `bytes` contain a control character. C0 and DEL are single bytes;
    /// C1 (U+0080…U+009F) is exactly the two-byte sequences `C2 80`…`C2 9F`.
    static func occur(in bytes: some Sequence<UInt8>) -> Bool {
        var previous: UInt8 = 0
        for byte in bytes {
            if byte < 0x20 || byte == 0x7F || (previous == 0xC2 && (0x80...0x9F).contains(byte)) { return true }
            previous = byte
        }
        return false
    }
}
