/// Why an MRZ (printed, or DG1 from a chip) was rejected.
///
/// The diagnostic names the field and the characters involved; an MRZ is personal data, so it
/// is for the operator's terminal only, like every diagnostic.
public struct MRZError: UserFacingError, Hashable {
    public struct Kind: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        public static let length = Kind(rawValue: "mrz.length")
        public static let invalidCharacter = Kind(rawValue: "mrz.character.invalid")
        public static let checkDigit = Kind(rawValue: "mrz.checkDigit")
        public static let invalidDate = Kind(rawValue: "mrz.date.invalid")
        public static let invalidSex = Kind(rawValue: "mrz.sex.invalid")
        public static let invalidVietnameseOptionalData = Kind(rawValue: "mrz.vietnam.optionalData")
    }

    public let kind: Kind
    public let message: LocalizedText
    public let diagnostic: String?
    /// For ``Kind/checkDigit``: which check failed.
    public let checkedField: MRZCheckedField?

    public var code: String { kind.rawValue }

    init(_ kind: Kind, _ message: LocalizedText, diagnostic: String? = nil, checkedField: MRZCheckedField? = nil) {
        self.kind = kind
        self.message = message
        self.diagnostic = diagnostic
        self.checkedField = checkedField
    }

    static func length(_ count: Int) -> MRZError {
        MRZError(.length, LocalizedText(
            vi: "Vùng MRZ không đúng độ dài của TD1 (3×30), TD2 (2×36) hay TD3 (2×44)",
            en: "The MRZ length matches none of TD1 (3×30), TD2 (2×36) or TD3 (2×44)"),
            diagnostic: "\(count) characters")
    }

    static func invalidCharacter(at offset: Int) -> MRZError {
        MRZError(.invalidCharacter, LocalizedText(
            vi: "Vùng MRZ chứa ký tự ngoài A–Z, 0–9 và <",
            en: "The MRZ contains a character other than A–Z, 0–9 and <"),
            diagnostic: "at position \(offset + 1)")
    }

    static func checkDigit(_ field: MRZCheckedField) -> MRZError {
        MRZError(.checkDigit, LocalizedText(
            vi: "Sai số kiểm tra của \(field.name.vi) trong vùng MRZ",
            en: "The MRZ check digit of the \(field.name.en) is wrong"),
            diagnostic: field.rawValue, checkedField: field)
    }

    static func invalidDate(_ field: MRZCheckedField, _ text: some StringProtocol) -> MRZError {
        MRZError(.invalidDate, LocalizedText(
            vi: "\(field.name.vi) trong vùng MRZ không phải ngày dạng YYMMDD",
            en: "The MRZ \(field.name.en) is not a YYMMDD date"),
            diagnostic: DiagnosticQuote.quote(text))
    }

    static func invalidSex(_ character: Character) -> MRZError {
        MRZError(.invalidSex, LocalizedText(
            vi: "Giới tính trong vùng MRZ không phải M, F hay <",
            en: "The MRZ sex is not M, F or <"),
            diagnostic: DiagnosticQuote.quote(String(character)))
    }

    static let invalidVietnameseOptionalData = MRZError(.invalidVietnameseOptionalData, LocalizedText(
        vi: "Dữ liệu tùy chọn của MRZ thẻ Việt Nam không chứa số định danh 12 chữ số và số kiểm tra",
        en: "The optional data of a Vietnamese card's MRZ lacks the 12-digit ID number and its check digit"))
}

/// The MRZ fields protected by a check digit.
public enum MRZCheckedField: String, Sendable, Hashable, CaseIterable {
    case documentNumber
    case dateOfBirth
    case dateOfExpiry
    case optionalData
    case composite

    var name: LocalizedText {
        switch self {
        case .documentNumber: LocalizedText(vi: "số giấy tờ", en: "document number")
        case .dateOfBirth: LocalizedText(vi: "ngày sinh", en: "date of birth")
        case .dateOfExpiry: LocalizedText(vi: "ngày hết hạn", en: "date of expiry")
        case .optionalData: LocalizedText(vi: "dữ liệu tùy chọn", en: "optional data")
        case .composite: LocalizedText(vi: "toàn dòng", en: "composite")
        }
    }
}
