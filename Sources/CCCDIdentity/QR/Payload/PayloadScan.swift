/// What one pass over a payload's UTF-8 bytes learns, so the per-field checks that almost never
/// fire (control characters, `?` from a keyboard wedge, text needing NFC) are skipped unless the
/// whole payload has a hit.
///
/// This is the QR hot path: one tight byte loop instead of a scalar walk per field per check
/// keeps a parse in the low microseconds.
struct PayloadScan {
    /// Some byte is outside ASCII.
    private(set) var hasNonASCII = false
    /// A C0/DEL/C1 control character occurs.
    private(set) var hasControl = false
    /// `?` or U+FFFD occurs (what a keyboard wedge types for letters it cannot).
    private(set) var hasReplacement = false
    /// Some scalar might change under NFC (anything but U+0000…U+02FF and U+1E00…U+1EFF).
    private(set) var mayNeedNFC = false

    init(_ bytes: some Sequence<UInt8>) {
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        for byte in bytes {
            if byte < 0x80 {
                if byte < 0x20 || byte == 0x7F { hasControl = true }
                if byte == UInt8(ascii: "?") { hasReplacement = true }
            } else {
                hasNonASCII = true
                if byte >= 0xC0 {
                    // A lead byte: U+0080…U+02FF (C2–CB) are NFC-stable; E1 is checked with its
                    // second byte below; anything else may need composition.
                    if !(0xC2...0xCB).contains(byte) && byte != 0xE1 { mayNeedNFC = true }
                } else if previous == 0xE1 {
                    // U+1E00…U+1EFF (Latin Extended Additional) is E1 B8…BB xx.
                    if !(0xB8...0xBB).contains(byte) { mayNeedNFC = true }
                } else if previous == 0xC2, byte <= 0x9F {
                    hasControl = true
                } else if beforePrevious == 0xEF, previous == 0xBF, byte == 0xBD {
                    hasReplacement = true
                }
            }
            beforePrevious = previous
            previous = byte
        }
    }
}
