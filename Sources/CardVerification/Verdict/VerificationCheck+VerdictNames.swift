extension VerificationCheck.Name {
    /// Active Authentication passed with a DG15 key Passive Authentication bound.
    public static let activeAuthentication = "chip.activeAuthentication"
    /// Chip Authentication passed with a DG14 key Passive Authentication bound.
    public static let chipAuthentication = "chip.chipAuthentication"
    /// `qrChip.idNumber`, `qrChip.fullName`…: a QR field equals the chip's (DG13, else DG1).
    public static func qrChip(_ field: IdentityField) -> String { "qrChip.\(field.rawValue)" }
    /// `dg1dg13.idNumber`…: DG1's MRZ and DG13 agree on a field.
    public static func dg1dg13(_ field: IdentityField) -> String { "dg1dg13.\(field.rawValue)" }
    /// The chip's ID number encodes its date of birth's year and its sex.
    public static let idNumberStructure = "idNumber.structure"
    /// The card's expiry (DG13 field 12, else the MRZ) is today or later.
    public static let cardExpiry = "card.expiry"
}

/// A field of the holder's identity that the cross-checks compare, by the name checks use.
public enum IdentityField: String, Sendable, Hashable, Codable, CaseIterable {
    case idNumber, fullName, dateOfBirth, sex, issueDate, expiry

    /// How reception staff call the field, for verdict reasons.
    var label: (vi: String, en: String) {
        switch self {
        case .idNumber: ("số định danh", "ID number")
        case .fullName: ("họ tên", "name")
        case .dateOfBirth: ("ngày sinh", "date of birth")
        case .sex: ("giới tính", "sex")
        case .issueDate: ("ngày cấp", "issue date")
        case .expiry: ("ngày hết hạn", "expiry date")
        }
    }
}
