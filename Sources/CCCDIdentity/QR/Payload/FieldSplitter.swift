/// Splits a payload into fields without dropping empty ones.
///
/// `|` is ASCII, so it can never be part of a multi-byte UTF-8 sequence: splitting the UTF-8 view
/// is exact and avoids `Character` segmentation on the hot path. Each field is trimmed of
/// surrounding whitespace (some encoders pad fields).
enum FieldSplitter {
    static func split(_ text: String, separator: Unicode.Scalar) -> [Substring] {
        let separatorByte = UInt8(separator.value)
        let utf8 = text.utf8
        var fields: [Substring] = []
        fields.reserveCapacity(12)
        var fieldStart = utf8.startIndex
        var index = utf8.startIndex
        while index != utf8.endIndex {
            if utf8[index] == separatorByte {
                fields.append(PayloadText.trim(text[fieldStart..<index]))
                fieldStart = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        fields.append(PayloadText.trim(text[fieldStart..<utf8.endIndex]))
        return fields
    }
}
