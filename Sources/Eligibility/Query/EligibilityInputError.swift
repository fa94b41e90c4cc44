public import CCCDIdentity

/// Why an eligibility question could not even be asked.
public typealias EligibilityInputError = CodedError<EligibilityInputFailure>

/// The reasons of `EligibilityInputError`: each a stable code with its bilingual message.
public enum EligibilityInputFailure: String, ErrorReason {
    case emptyName = "eligibility.input.emptyName"
    case malformedName = "eligibility.input.malformedName"
    case malformedSubject = "eligibility.input.malformedSubject"
    case malformedBirthDate = "eligibility.input.malformedBirthDate"
    case malformedVisitDate = "eligibility.input.malformedVisitDate"

    public var message: LocalizedText {
        switch self {
        case .emptyName:
            LocalizedText(vi: "Chưa nhập họ tên", en: "The full name is empty")
        case .malformedName:
            LocalizedText(vi: "Họ tên quá dài hoặc chứa ký tự điều khiển",
                          en: "The full name is too long or contains control characters")
        case .malformedSubject:
            LocalizedText(vi: "Mã tra cứu phải là số CCCD 12 chữ số, mã số BHXH 10 chữ số hoặc mã thẻ BHYT 15 ký tự",
                          en: "The lookup code must be a 12-digit CCCD, a 10-digit BHXH number or a 15-character BHYT card code")
        case .malformedBirthDate:
            LocalizedText(vi: "Ngày sinh phải có dạng năm-tháng-ngày hoặc chỉ năm sinh",
                          en: "The date of birth must be year-month-day or a bare year")
        case .malformedVisitDate:
            LocalizedText(vi: "Ngày khám phải có dạng năm-tháng-ngày", en: "The visit date must be year-month-day")
        }
    }
}
