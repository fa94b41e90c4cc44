/// A QR payload a reception desk understands: a chip ID card's, or a health-insurance card's.
public enum ScannedQR: Sendable, Hashable {
    /// The QR of a CCCD (2021) or thẻ căn cước (2024).
    case cccd(CitizenQR)
    /// The QR of a BHYT health-insurance card: routed to the eligibility lookup by card code.
    case bhyt(BHYTCardQR)

    /// Parses the raw bytes a scanner or image decoder delivered.
    ///
    /// Bytes rather than a `String`, because the encoding is part of what can go wrong: a UTF-8
    /// BOM is dropped, surrounding whitespace and CR/LF trimmed, invalid UTF-8 is
    /// ``QRPayloadError/Kind/invalidUTF8``, and text is normalised to NFC before any field is read.
    public static func parse(bytes: [UInt8]) throws(QRPayloadError) -> ScannedQR {
        try parse(cleanText: PayloadText.decode(bytes))
    }

    /// Parses a payload that is already text (typed in, or from a JSON API).
    public static func parse(_ text: String) throws(QRPayloadError) -> ScannedQR {
        try parse(cleanText: PayloadText.clean(text))
    }

    /// The warnings of whichever card this is.
    public var warnings: [QRWarning] {
        switch self {
        case .cccd(let qr): qr.warnings
        case .bhyt(let qr): qr.warnings
        }
    }

    /// Routes on shape (12-digit field 0 = CCCD; card code and a date in field 2 = BHYT) and
    /// recognises keyboard-wedge damage before any strict validation.
    private static func parse(cleanText payload: PayloadText.Clean) throws(QRPayloadError) -> ScannedQR {
        let text = payload.text
        let fields = FieldSplitter.split(text, separator: "|")
        guard fields.count > 1 else {
            let wedgeFields = FieldSplitter.split(text, separator: "\\")
            if wedgeFields.count >= 4, looksLikeCardFields(wedgeFields) {
                throw .keyboardWedge(.backslashSeparators)
            }
            throw .unrecognised(text)
        }
        let first = fields[0]
        if Digits.areAll(first, count: 12) {
            return .cccd(try CitizenQRParser.parse(fields, scan: payload.scan))
        }
        if BHYTCardQRParser.looksLikeBHYT(fields) {
            return .bhyt(try BHYTCardQRParser.parse(fields))
        }
        if KeyboardWedgeDetector.looksShifted(first) {
            throw .keyboardWedge(.digitsShifted)
        }
        if first.count == 15, first.hasPrefix("Đ") || first.dropFirst().hasPrefix("Đ") {
            throw .keyboardWedge(.dWithStroke)
        }
        if fields.count >= 7, first.allSatisfy(\.isNumber) {
            throw .invalidIDNumber(first)
        }
        throw .unrecognised(text)
    }

    /// A `\`-separated payload is only blamed on a wedge when it otherwise looks like a card.
    private static func looksLikeCardFields(_ fields: [Substring]) -> Bool {
        Digits.areAll(fields[0], count: 12) || KeyboardWedgeDetector.looksShifted(fields[0])
            || BHYTCardCode(fields[0]) != nil
    }
}
