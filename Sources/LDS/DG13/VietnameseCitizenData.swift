public import CCCDIdentity

/// The citizen data of a Vietnamese card's DG13 (cccd.md §4), by field number, in the English
/// camelCase names the product's JSON uses.
///
/// Every field is optional: cards differ, and a field the chip leaves out is simply absent.
/// Fields this reader does not know (2024 cards may add some) are kept in ``unknownFields``.
/// Prefer ``fullName`` over DG1's name: DG1 is ASCII without diacritics and cut at 30 characters.
public struct VietnameseCitizenData: Sendable, Hashable {
    /// 1: the 12-digit personal ID number.
    public var idNumber: PersonalID?
    /// 2: NFC, with diacritics (`Nguyễn Thị Mẫu`).
    public var fullName: String?
    /// 3: `dd/mm/yyyy` on the chip.
    public var dateOfBirth: CivilDate?
    /// 3, when the chip gives only part of the date (`1945`, `00/00/1945`, `00/03/1945`): the text
    /// as read, ``dateOfBirth`` then being nil. Holders whose papers record only a birth year
    /// exist [?]; refusing their whole DG13 would hide their name from the kiosk.
    public var partialDateOfBirth: String?
    /// 4: `Nam` / `Nữ` on the chip.
    public var sex: Sex?
    /// 5: `Việt Nam`.
    public var nationality: String?
    /// 6: e.g. `Kinh`.
    public var ethnicity: String?
    /// 7: e.g. `Không`.
    public var religion: String?
    /// 8: quê quán.
    public var placeOfOrigin: String?
    /// 9: nơi thường trú.
    public var placeOfResidence: String?
    /// 10: đặc điểm nhận dạng.
    public var identifyingMarks: String?
    /// 11: `dd/mm/yyyy` on the chip.
    public var issueDate: CivilDate?
    /// 12: a date, or a text such as `Không thời hạn`.
    public var expiry: CardValidity?
    /// 13, first name.
    public var fatherName: String?
    /// 13, second name.
    public var motherName: String?
    /// 14; absent (`30 03 02 01 0E`) when the holder has no spouse on record.
    public var spouseName: String?
    /// 15: the old CMND number, 9 or 12 digits. A value of another shape is kept in ``unknownFields``.
    public var oldIdNumber: String?
    /// 16: a 16-character value of unknown meaning [?], kept exactly as read.
    public var field16Raw: DG13RawField?
    /// Fields with numbers this reader does not interpret, in file order.
    public var unknownFields: [DG13RawField]

    public init(
        idNumber: PersonalID? = nil, fullName: String? = nil, dateOfBirth: CivilDate? = nil, sex: Sex? = nil,
        nationality: String? = nil, ethnicity: String? = nil, religion: String? = nil,
        placeOfOrigin: String? = nil, placeOfResidence: String? = nil, identifyingMarks: String? = nil,
        issueDate: CivilDate? = nil, expiry: CardValidity? = nil, fatherName: String? = nil,
        motherName: String? = nil, spouseName: String? = nil, oldIdNumber: String? = nil,
        field16Raw: DG13RawField? = nil, unknownFields: [DG13RawField] = []
    ) {
        self.idNumber = idNumber
        self.fullName = fullName
        self.dateOfBirth = dateOfBirth
        self.sex = sex
        self.nationality = nationality
        self.ethnicity = ethnicity
        self.religion = religion
        self.placeOfOrigin = placeOfOrigin
        self.placeOfResidence = placeOfResidence
        self.identifyingMarks = identifyingMarks
        self.issueDate = issueDate
        self.expiry = expiry
        self.fatherName = fatherName
        self.motherName = motherName
        self.spouseName = spouseName
        self.oldIdNumber = oldIdNumber
        self.field16Raw = field16Raw
        self.unknownFields = unknownFields
    }
}

extension VietnameseCitizenData {
    /// What the card's chip would carry for the holder of `qr` (the virtual chip, tests). Fields the
    /// QR does not have (ethnicity, parents…) are filled from the arguments.
    public init(qr: CitizenQR, expiry: CardExpiry, nationality: String = "Việt Nam", ethnicity: String? = "Kinh",
                religion: String? = "Không", placeOfOrigin: String? = nil, identifyingMarks: String? = nil,
                fatherName: String? = nil, motherName: String? = nil, spouseName: String? = nil) {
        self.init(
            idNumber: qr.personalID, fullName: qr.fullName, dateOfBirth: qr.dateOfBirth, sex: qr.sex,
            nationality: nationality, ethnicity: ethnicity, religion: religion,
            placeOfOrigin: placeOfOrigin, placeOfResidence: qr.address,
            identifyingMarks: identifyingMarks, issueDate: qr.issueDate, expiry: CardValidity(expiry),
            fatherName: fatherName, motherName: motherName, spouseName: spouseName, oldIdNumber: qr.oldIDNumber
        )
    }
}
