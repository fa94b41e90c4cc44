/// Why a scanned QR payload was rejected.
///
/// One struct with a stable ``Kind`` (the dotted ``code``) rather than an enum of cases with
/// payloads, following swift-certificates: new kinds can be added without breaking callers that
/// switch on them, and every instance carries its own bilingual message. Messages never contain
/// personal data; the offending text, when worth showing, is in ``diagnostic`` only.
public struct QRPayloadError: UserFacingError, Hashable {
    public struct Kind: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        public static let empty = Kind(rawValue: "qr.empty")
        public static let invalidUTF8 = Kind(rawValue: "qr.encoding.invalidUTF8")
        public static let unrecognised = Kind(rawValue: "qr.format.unrecognised")
        public static let tooFewFields = Kind(rawValue: "qr.format.tooFewFields")
        public static let keyboardWedgeMangled = Kind(rawValue: "qr.keyboardWedge.mangled")
        public static let missingField = Kind(rawValue: "qr.field.missing")
        public static let invalidIDNumber = Kind(rawValue: "qr.field.idNumber.invalid")
        public static let invalidOldIDNumber = Kind(rawValue: "qr.field.oldIdNumber.invalid")
        public static let notADate = Kind(rawValue: "qr.field.notADate")
        public static let invalidSex = Kind(rawValue: "qr.field.sex.invalid")
        public static let invalidText = Kind(rawValue: "qr.field.text.invalid")
        public static let birthYearMismatch = Kind(rawValue: "qr.crossCheck.birthYear")
        public static let sexMismatch = Kind(rawValue: "qr.crossCheck.sex")
        public static let issuedBeforeBirth = Kind(rawValue: "qr.crossCheck.issuedBeforeBirth")
        public static let issuedInFuture = Kind(rawValue: "qr.crossCheck.issuedInFuture")
        public static let invalidBHYTCardCode = Kind(rawValue: "qr.bhyt.cardCode.invalid")
        public static let notHexText = Kind(rawValue: "qr.bhyt.field.notHex")
    }

    public let kind: Kind
    public let message: LocalizedText
    public let diagnostic: String?
    /// The keyboard-wedge symptom, for the scanner set-up page; `nil` for other kinds.
    public let wedgeSymptom: KeyboardWedgeSymptom?

    public var code: String { kind.rawValue }

    init(_ kind: Kind, _ message: LocalizedText, diagnostic: String? = nil,
         wedgeSymptom: KeyboardWedgeSymptom? = nil) {
        self.kind = kind
        self.message = message
        self.diagnostic = diagnostic
        self.wedgeSymptom = wedgeSymptom
    }
}

extension QRPayloadError {
    static let empty = QRPayloadError(.empty, LocalizedText(
        vi: "Mã QR trống", en: "The QR payload is empty"))

    static func invalidUTF8(offset: Int, byte: UInt8) -> QRPayloadError {
        QRPayloadError(.invalidUTF8, LocalizedText(
            vi: "Mã QR không phải văn bản UTF-8; hãy đặt bảng mã của máy quét là UTF-8",
            en: "The QR payload is not valid UTF-8 text; set the scanner's character encoding to UTF-8"),
            diagnostic: "byte 0x\(String(byte, radix: 16, uppercase: true)) at offset \(offset)")
    }

    static func unrecognised(_ text: some StringProtocol) -> QRPayloadError {
        QRPayloadError(.unrecognised, LocalizedText(
            vi: "Không nhận ra mã QR: đây không phải mã QR của thẻ căn cước hay thẻ BHYT",
            en: "Unrecognised QR payload: neither a chip ID card (CCCD) nor a health-insurance (BHYT) card QR"),
            diagnostic: DiagnosticQuote.quote(text))
    }

    static func tooFewFields(found: Int) -> QRPayloadError {
        QRPayloadError(.tooFewFields, LocalizedText(
            vi: "Mã QR căn cước thiếu trường: cần ít nhất 7 trường ngăn cách bởi dấu |",
            en: "The ID card QR has too few fields: at least 7 fields separated by | are required"),
            diagnostic: "found \(found) field\(found == 1 ? "" : "s")")
    }

    /// Public for the scanner layer, which learns of lost keystrokes before any parsing.
    public static func keyboardWedge(_ symptom: KeyboardWedgeSymptom) -> QRPayloadError {
        QRPayloadError(.keyboardWedgeMangled, LocalizedText(
            vi: "Máy quét đang ở chế độ bàn phím và đã làm sai nội dung mã QR; "
                + "hãy chuyển máy quét sang chế độ USB-COM (CDC) hoặc HID POS",
            en: "The scanner is in keyboard mode and altered the QR text; "
                + "switch the scanner to USB-COM/CDC or HID POS mode"),
            diagnostic: symptom.explanation, wedgeSymptom: symptom)
    }

    static func missing(_ field: QRField) -> QRPayloadError {
        QRPayloadError(.missingField, LocalizedText(
            vi: "\(field.label.vi) bị trống", en: "\(field.label.en) is empty"))
    }

    static func invalidIDNumber(_ text: some StringProtocol) -> QRPayloadError {
        QRPayloadError(.invalidIDNumber, LocalizedText(
            vi: "\(QRField.idNumber.label.vi) không phải 12 chữ số",
            en: "\(QRField.idNumber.label.en) is not 12 digits"),
            diagnostic: DiagnosticQuote.quote(text))
    }

    static func invalidOldIDNumber(_ text: some StringProtocol) -> QRPayloadError {
        QRPayloadError(.invalidOldIDNumber, LocalizedText(
            vi: "\(QRField.oldIDNumber.label.vi) phải để trống hoặc gồm 9 hay 12 chữ số",
            en: "\(QRField.oldIDNumber.label.en) must be empty or 9 or 12 digits"),
            diagnostic: DiagnosticQuote.quote(text))
    }

    static func notADate(_ field: QRField, _ text: some StringProtocol) -> QRPayloadError {
        QRPayloadError(.notADate, LocalizedText(
            vi: "\(field.label.vi) không phải ngày hợp lệ", en: "\(field.label.en) is not a valid date"),
            diagnostic: DiagnosticQuote.quote(text))
    }

    static func invalidSex(_ text: some StringProtocol) -> QRPayloadError {
        QRPayloadError(.invalidSex, LocalizedText(
            vi: "\(QRField.sex.label.vi) không phải Nam hoặc Nữ", en: "\(QRField.sex.label.en) is neither Nam nor Nữ"),
            diagnostic: DiagnosticQuote.quote(text))
    }

    static func invalidText(_ field: QRField) -> QRPayloadError {
        QRPayloadError(.invalidText, LocalizedText(
            vi: "\(field.label.vi) chứa ký tự điều khiển", en: "\(field.label.en) contains control characters"))
    }

    static func mismatch(_ problem: PersonalIDMismatch) -> QRPayloadError {
        switch problem {
        case .birthYear(let encoded, let stated):
            QRPayloadError(.birthYearMismatch, LocalizedText(
                vi: "Năm sinh mã hóa trong số định danh không khớp với ngày sinh; mã QR bị hỏng",
                en: "The birth year encoded in the ID number does not match the date of birth; the QR is corrupt"),
                diagnostic: "ID number encodes \(encoded), date of birth says \(stated)")
        case .sex(let encoded, let stated):
            QRPayloadError(.sexMismatch, LocalizedText(
                vi: "Giới tính mã hóa trong số định danh không khớp với trường giới tính; mã QR bị hỏng",
                en: "The sex encoded in the ID number does not match the sex field; the QR is corrupt"),
                diagnostic: "ID number encodes \(encoded.rawValue), sex field says \(stated.rawValue)")
        }
    }

    static let issuedBeforeBirth = QRPayloadError(.issuedBeforeBirth, LocalizedText(
        vi: "Ngày cấp sớm hơn ngày sinh; mã QR bị hỏng",
        en: "The issue date is before the date of birth; the QR is corrupt"))

    static let issuedInFuture = QRPayloadError(.issuedInFuture, LocalizedText(
        vi: "Ngày cấp thẻ sau ngày hôm nay; mã QR bị hỏng hoặc bị làm giả",
        en: "The card's issue date is after today; the QR is corrupt or forged"))

    static func invalidBHYTCardCode(_ text: some StringProtocol) -> QRPayloadError {
        QRPayloadError(.invalidBHYTCardCode, LocalizedText(
            vi: "\(QRField.bhytCardCode.label.vi) không phải mã thẻ 15 ký tự hay mã số BHXH 10 chữ số",
            en: "\(QRField.bhytCardCode.label.en) is neither a 15-character card code nor a 10-digit social insurance number"),
            diagnostic: DiagnosticQuote.quote(text))
    }

    static func notHexText(_ field: QRField, _ text: some StringProtocol) -> QRPayloadError {
        QRPayloadError(.notHexText, LocalizedText(
            vi: "\(field.label.vi) không phải văn bản UTF-8 mã hóa hex",
            en: "\(field.label.en) is not hex-encoded UTF-8 text"),
            diagnostic: DiagnosticQuote.quote(text))
    }
}
