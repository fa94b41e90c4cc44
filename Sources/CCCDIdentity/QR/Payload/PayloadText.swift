/// Turns what a scanner delivered into the text the field parsers read.
///
/// Scanners hand over bytes; this is where the encoding is decided once: a UTF-8 byte-order mark
/// is dropped, surrounding whitespace and the scanner's CR/LF suffix are trimmed, invalid UTF-8
/// is a specific error (the scanner is set to a legacy code page), and the text is normalised to
/// Unicode NFC so `Nữ` typed with combining marks equals the precomposed `Nữ`. Every scalar
/// below U+0300 and every precomposed letter of Latin Extended Additional (U+1E00…U+1EFF, where
/// the Vietnamese tone letters live) is NFC-stable, so the usual payload skips the Foundation call.
enum PayloadText {
    /// Normalised text and what a scan of it found.
    struct Clean {
        let text: String
        let scan: PayloadScan

        init(normalising text: String) {
            let scan = PayloadScan(text.utf8)
            if scan.mayNeedNFC {
                self.text = UnicodeNormalization.nfc(text)
                self.scan = PayloadScan(self.text.utf8)
            } else {
                self.text = text
                self.scan = scan
            }
        }
    }

    static func decode(_ bytes: [UInt8]) throws(QRPayloadError) -> Clean {
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
        // A BOM or whitespace inside the trimmed bytes (`" \u{FEFF}…"`) is trimmed as text.
        return Clean(normalising: String(trim(Substring(text))))
    }

    /// For callers that already hold a `String` (a typed-in payload, a test).
    static func clean(_ text: String) throws(QRPayloadError) -> Clean {
        let trimmed = trim(Substring(text))
        guard !trimmed.isEmpty else { throw .empty }
        return Clean(normalising: String(trimmed))
    }

    /// Trims ASCII whitespace, NUL and U+FEFF from both ends.
    static func trim(_ text: Substring) -> Substring {
        // Fast exit for the usual unpadded field: U+FEFF is EF BB BF, whitespace is ≤ 0x20.
        guard let first = text.utf8.first, let last = text.utf8.last,
              first <= 0x20 || first == 0xEF || last <= 0x20 || last == 0xBF
        else { return text }
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

    /// NFC, skipping the Foundation call when the text is already NFC by construction
    /// (see ``PayloadScan/mayNeedNFC``).
    static func normalised(_ text: String) -> String {
        Clean(normalising: text).text
    }
}
