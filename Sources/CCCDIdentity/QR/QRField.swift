/// A field of a QR payload, named for messages ("field 3 (date of birth)").
///
/// Messages name the field by position and meaning so the operator can find it in the raw text
/// without the message ever quoting the (personal) content.
public struct QRField: Sendable, Hashable {
    public let index: Int
    public let name: LocalizedText

    /// "field 3 (date of birth)" / "trường 3 (ngày sinh)".
    public var label: LocalizedText {
        LocalizedText(vi: "trường \(index) (\(name.vi))", en: "field \(index) (\(name.en))")
    }

    // CCCD / Căn cước QR (cccd.md §1)
    public static let idNumber = QRField(index: 0, name: .init(vi: "số định danh cá nhân", en: "personal ID number"))
    public static let oldIDNumber = QRField(index: 1, name: .init(vi: "số CMND cũ", en: "old ID number"))
    public static let fullName = QRField(index: 2, name: .init(vi: "họ và tên", en: "full name"))
    public static let dateOfBirth = QRField(index: 3, name: .init(vi: "ngày sinh", en: "date of birth"))
    public static let sex = QRField(index: 4, name: .init(vi: "giới tính", en: "sex"))
    public static let address = QRField(index: 5, name: .init(vi: "nơi thường trú", en: "residence"))
    public static let issueDate = QRField(index: 6, name: .init(vi: "ngày cấp", en: "issue date"))

    // BHYT card QR (layout in BHYTCardQRParser)
    public static let bhytCardCode = QRField(index: 0, name: .init(vi: "mã thẻ BHYT", en: "BHYT card code"))
    public static let bhytFullName = QRField(index: 1, name: .init(vi: "họ và tên", en: "full name"))
    public static let bhytDateOfBirth = QRField(index: 2, name: .init(vi: "ngày sinh", en: "date of birth"))
    public static let bhytSex = QRField(index: 3, name: .init(vi: "giới tính", en: "sex"))
}
