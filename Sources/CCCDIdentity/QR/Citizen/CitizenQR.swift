/// The QR of a Vietnamese chip ID card, validated and cross-checked.
///
/// Built only by the parser (or by ``init(personalID:oldIDNumber:fullName:dateOfBirth:sex:address:issueDate:extraFields:)``
/// for tests and the virtual chip), so a value always holds a consistent identity: the ID digits
/// agree with the date of birth and sex, and the card was issued on or after the birth.
public struct CitizenQR: Sendable, Hashable {
    public let personalID: PersonalID
    /// The old 9-digit CMND (or 12-digit, for some holders [?]); `nil` when the field is empty.
    public let oldIDNumber: String?
    /// NFC, as printed (e.g. `Nguyễn Thị Mẫu`).
    public let fullName: String
    public let dateOfBirth: CivilDate
    public let sex: Sex
    /// Place of residence, free text; may be empty (see ``QRWarning/missingAddress``).
    public let address: String
    public let issueDate: CivilDate
    /// Fields 7… exactly as scanned (`["", "", "", ""]` on 2024 cards), kept for future layouts.
    public let extraFields: [String]
    public let warnings: [QRWarning]

    public var layout: CitizenQRLayout { CitizenQRLayout(fieldCount: 7 + extraFields.count) }

    /// Where the birth was registered (province, abroad, or an unknown code).
    public var birthRegistration: BirthRegistration { personalID.birthRegistration }

    /// The card's expiry as the laws define it; ``ExpiryDerivation/candidates`` for BAC.
    public var expiry: ExpiryDerivation { ExpiryDerivation(dateOfBirth: dateOfBirth, issueDate: issueDate) }

    /// Builds a validated identity, applying the same rules as the QR parser — including the
    /// keyboard-wedge rule, so a name and address without any diacritic are refused.
    public init(
        personalID: PersonalID, oldIDNumber: String? = nil, fullName: String, dateOfBirth: CivilDate,
        sex: Sex, address: String, issueDate: CivilDate, extraFields: [String] = []
    ) throws(QRPayloadError) {
        var fields: [Substring] = [
            Substring(personalID.digits), Substring(oldIDNumber ?? ""), Substring(fullName),
            Substring(dateOfBirth.compactDMY), Substring(sex.qrText), Substring(address),
            Substring(issueDate.compactDMY),
        ]
        fields += extraFields.map { Substring($0) }
        self = try CitizenQRParser.parse(fields, scan: PayloadScan(fields.joined(separator: "|").utf8))
    }

    init(validated personalID: PersonalID, oldIDNumber: String?, fullName: String, dateOfBirth: CivilDate,
         sex: Sex, address: String, issueDate: CivilDate, extraFields: [String], warnings: [QRWarning]) {
        self.personalID = personalID
        self.oldIDNumber = oldIDNumber
        self.fullName = fullName
        self.dateOfBirth = dateOfBirth
        self.sex = sex
        self.address = address
        self.issueDate = issueDate
        self.extraFields = extraFields
        self.warnings = warnings
    }

    /// The payload text this identity's card would carry (used by tests, fixtures and the virtual chip).
    public var payloadText: String {
        ([personalID.digits, oldIDNumber ?? "", fullName, dateOfBirth.compactDMY, sex.qrText, address,
          issueDate.compactDMY] + extraFields).joined(separator: "|")
    }
}

/// Which generation of QR layout a payload used.
public enum CitizenQRLayout: Sendable, Hashable {
    /// 7 fields: CCCD gắn chip (Circular 06/2021).
    case cccd2021
    /// 11 fields, the last four empty so far: thẻ căn cước (Law 26/2023, from 1 July 2024).
    case canCuoc2024
    /// Any other count ≥ 8 [?]: accepted, extra fields kept raw.
    case other(fieldCount: Int)

    init(fieldCount: Int) {
        switch fieldCount {
        case 7: self = .cccd2021
        case 11: self = .canCuoc2024
        default: self = .other(fieldCount: fieldCount)
        }
    }

    /// `cccd2021`, `canCuoc2024` or `fields<N>` — the name JSON outputs use.
    public var name: String {
        switch self {
        case .cccd2021: "cccd2021"
        case .canCuoc2024: "canCuoc2024"
        case .other(let count): "fields\(count)"
        }
    }
}
