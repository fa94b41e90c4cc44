/// Turns what a scanner delivered into the text the field parsers read.
///
/// Scanners hand over bytes; this is where the encoding is decided once: a UTF-8 byte-order mark
/// is dropped, surrounding whitespace and the scanner's CR/LF suffix are trimmed, invalid UTF-8
/// is a specific error (the scanner is set to a legacy code page), and the text is normalised to
/// Unicode NFC so `Nữ` typed with combining marks equals the precomposed `Nữ`.
enum PayloadText {
    static func decode(_ bytes: [UInt8]) throws(QRPayloadError) -> String {
        var start = 0
        var end = bytes.count
        while end - start >= 3, bytes[start] == 0xEF, bytes[start + 1] == 0xBB, bytes[start + 2] == 0xBF {
            start += 3
        }
        while start < end, isTrimmable(bytes[start]) { start += 1 }
        while end > start, isTrimmable(bytes[end - 1]) { end -= 1 }
        guard start < end else { throw .empty }

        let slice = bytes[start..<end]
        guard let text = String(validating: slice, as: UTF8.self) else {
            let offset = start + firstInvalidOffset(slice)
            throw .invalidUTF8(offset: offset, byte: bytes[min(offset, bytes.count - 1)])
        }
        return normalised(text)
    }

    /// For callers that already hold a `String` (a typed-in payload, a test).
    static func clean(_ text: String) throws(QRPayloadError) -> String {
        let trimmed = trim(Substring(text))
        guard !trimmed.isEmpty else { throw .empty }
        return normalised(String(trimmed))
    }

    /// Trims ASCII whitespace, NUL and U+FEFF from both ends.
    static func trim(_ text: Substring) -> Substring {
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, isTrimmable(scalars[start]) { start = scalars.index(after: start) }
        while end > start, isTrimmable(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return Substring(scalars[start..<end])
    }

    private static func isTrimmable(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte) || byte == 0
    }

    private static func isTrimmable(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0xFEFF || (scalar.isASCII && isTrimmable(UInt8(scalar.value)))
    }

    /// The byte offset of the first ill-formed UTF-8 sequence in `bytes`.
    private static func firstInvalidOffset(_ bytes: ArraySlice<UInt8>) -> Int {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .error: return offset
            case .emptyInput: return offset
            }
        }
    }

    /// NFC, skipping the Foundation call when the text is already NFC by construction.
    ///
    /// Every scalar below U+0300 and every precomposed letter in Latin Extended Additional
    /// (U+1E00…U+1EFF, where the Vietnamese tone letters live) is stable under NFC, so a payload
    /// made only of those is returned as is — the common case, and the reason QR parsing stays in
    /// the low microseconds.
    static func normalised(_ text: String) -> String {
        let alreadyNFC = text.utf8.allSatisfy { $0 < 0x80 }
            || text.unicodeScalars.allSatisfy { $0.value < 0x300 || (0x1E00...0x1EFF).contains($0.value) }
        return alreadyNFC ? text : UnicodeNormalization.nfc(text)
    }
}
