import CCCDIdentity
import Foundation
import KioskPipeline

/// `POST /api/v1/session/manual`: an ID number or a BHYT card code, with the name and date of
/// birth the gateway matches on. Every field is validated; a problem names the field.
struct ManualEntryRequest: Decodable {
    var idNumber: String?
    var bhytCardCode: String?
    var fullName: String?
    /// `YYYY-MM-DD`; a card code also accepts a bare year (children's cards carry one).
    var dateOfBirth: String?

    func entry() throws(ManualEntryProblem) -> ManualEntry {
        let name: String
        switch FullNameText.normalized(fullName ?? "") {
        case .success(let normalized): name = normalized
        case .failure(.empty): throw ManualEntryProblem(.fullName)
        case .failure(.tooLong): throw ManualEntryProblem(.fullNameTooLong)
        case .failure(.controlCharacters): throw ManualEntryProblem(.fullNameCharacters)
        }
        let birthText = dateOfBirth?.trimmingCharacters(in: .whitespaces) ?? ""
        if let idNumber, !idNumber.isEmpty {
            guard let id = PersonalID(idNumber.trimmingCharacters(in: .whitespaces)) else { throw ManualEntryProblem(.idNumber) }
            guard let birth = CivilDate(iso8601: birthText) else { throw ManualEntryProblem(.dateOfBirth) }
            // Digits 4–6 encode the birth year: a disagreement is a typo in one of the two, and
            // asking the gateway with it would only spend a lookup (and a ledger record) on a 070.
            guard id.birthYear == birth.year else { throw ManualEntryProblem(.birthYear) }
            return .person(id: id, fullName: name, dateOfBirth: birth)
        }
        if let bhytCardCode, !bhytCardCode.isEmpty {
            guard let code = BHYTCardCode(bhytCardCode.trimmingCharacters(in: .whitespaces).uppercased()) else {
                throw ManualEntryProblem(.cardCode)
            }
            if let birth = CivilDate(iso8601: birthText) { return .card(code, fullName: name, dateOfBirth: .date(birth)) }
            guard birthText.count == 4, let year = Int(birthText), (1900...2100).contains(year) else {
                throw ManualEntryProblem(.dateOfBirth)
            }
            return .card(code, fullName: name, dateOfBirth: .yearOnly(year))
        }
        throw ManualEntryProblem(.identifier)
    }
}

/// Which field of a manual entry is wrong (422), in both languages.
struct ManualEntryProblem: UserFacingError, Equatable {
    enum Field: String, Sendable {
        case identifier, idNumber, birthYear, cardCode, fullName, fullNameTooLong, fullNameCharacters, dateOfBirth, body
    }

    var field: Field

    init(_ field: Field) {
        self.field = field
    }

    var code: String { "manual.\(field.rawValue)" }

    var message: LocalizedText {
        switch field {
        case .identifier: LocalizedText(vi: "Nhập số CCCD hoặc mã thẻ BHYT.", en: "Enter an ID number or a BHYT card code.")
        case .idNumber: LocalizedText(vi: "Số CCCD phải gồm 12 chữ số hợp lệ.", en: "The ID number must be 12 valid digits.")
        case .birthYear: LocalizedText(vi: "Số CCCD không khớp với năm sinh (chữ số 4–6 ghi thế kỷ và năm sinh).",
                                       en: "The ID number does not match the year of birth (digits 4–6 encode century and year).")
        case .cardCode: LocalizedText(vi: "Mã thẻ BHYT gồm 15 ký tự (hoặc mã số BHXH 10 số).", en: "A BHYT card code has 15 characters (or a 10-digit BHXH number).")
        case .fullName: LocalizedText(vi: "Nhập họ và tên.", en: "Enter the full name.")
        case .fullNameTooLong: LocalizedText(vi: "Họ và tên dài quá \(FullNameText.maximumLength) ký tự.",
                                             en: "The full name is longer than \(FullNameText.maximumLength) characters.")
        case .fullNameCharacters: LocalizedText(vi: "Họ và tên chứa ký tự không hợp lệ (ký tự điều khiển).",
                                                en: "The full name contains characters that are not allowed (control characters).")
        case .dateOfBirth: LocalizedText(vi: "Ngày sinh không hợp lệ (năm-tháng-ngày).", en: "The date of birth is not valid (year-month-day).")
        case .body: LocalizedText(vi: "Dữ liệu gửi lên không đúng định dạng.", en: "The request body is not in the expected format.")
        }
    }
}
