/// Something worth telling the operator about an accepted payload.
///
/// A warning never means the data is wrong — wrong data is an error — only that this build could
/// not interpret everything (a province code newer than its table, fields a future card fills).
public enum QRWarning: Sendable, Hashable {
    /// The ID's first three digits are in neither the 2016 province table nor the 101…295 country
    /// range (new code after the 2025 mergers, or an unlisted code).
    case unknownBirthRegistrationCode(Int)
    /// Fields 7… are not empty: a future card layout; kept unchanged in `extraFields`.
    case unrecognisedExtraFields(indices: [Int])
    /// The residence field is empty.
    case missingAddress
    /// A secondary BHYT field could not be read and was left out (the layout is single-source [S]).
    case unreadableBHYTField(index: Int)
    /// The BHYT sex code is neither 1 nor 2.
    case unknownBHYTSexCode

    /// A stable dotted code, like errors have.
    public var code: String {
        switch self {
        case .unknownBirthRegistrationCode: "qr.warning.unknownProvince"
        case .unrecognisedExtraFields: "qr.warning.extraFields"
        case .missingAddress: "qr.warning.addressMissing"
        case .unreadableBHYTField: "qr.warning.bhyt.fieldUnreadable"
        case .unknownBHYTSexCode: "qr.warning.bhyt.sexUnknown"
        }
    }

    /// Free of personal data, like error messages.
    public var message: LocalizedText {
        switch self {
        case .unknownBirthRegistrationCode:
            LocalizedText(
                vi: "Mã nơi đăng ký khai sinh trong số định danh không có trong bảng mã tỉnh đã biết",
                en: "The birth-registration code in the ID number is not in the known province table")
        case .unrecognisedExtraFields(let indices):
            LocalizedText(
                vi: "Mã QR có dữ liệu ở trường \(Self.list(indices)) mà phiên bản này chưa đọc; đã giữ nguyên",
                en: "The QR has data in field \(Self.list(indices)) that this version does not interpret; kept unchanged")
        case .missingAddress:
            LocalizedText(vi: "Mã QR không có nơi thường trú", en: "The QR has no residence")
        case .unreadableBHYTField(let index):
            LocalizedText(
                vi: "Không đọc được trường \(index) của mã QR thẻ BHYT; đã bỏ qua",
                en: "Field \(index) of the BHYT card QR could not be read and was skipped")
        case .unknownBHYTSexCode:
            LocalizedText(
                vi: "Mã giới tính trên mã QR thẻ BHYT không phải 1 hoặc 2",
                en: "The sex code in the BHYT card QR is neither 1 nor 2")
        }
    }

    private static func list(_ indices: [Int]) -> String {
        indices.map(String.init).joined(separator: ", ")
    }
}
