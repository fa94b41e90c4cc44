public import CCCDIdentity
public import ICAOCrypto

/// The person a virtual card belongs to: what DG1 (MRZ) and DG13 (Vietnamese personal data,
/// cccd.md §4) are built from. Tests and demos use invented people only.
///
/// Personal data: it never prints itself (``SecretBearing``), so it cannot reach a log.
public struct ChipHolder: Sendable, Hashable, Codable, SecretBearing {
    public var personalID: PersonalID
    /// NFC, with diacritics (`Nguyễn Thị Mẫu`); DG1 gets the ASCII transliteration.
    public var fullName: String
    public var dateOfBirth: CivilDate
    public var sex: Sex
    public var nationality: String
    public var ethnicity: String
    public var religion: String
    public var placeOfOrigin: String
    public var placeOfResidence: String
    public var identifyingMarks: String
    public var issueDate: CivilDate
    /// `nil` derives the expiry from the laws (``ExpiryDerivation``); JSON `"never"` or a date.
    public var expiry: CardExpiry?
    public var father: String?
    public var mother: String?
    public var spouse: String?
    /// The old CMND number (9 or 12 digits); DG13 field 15, absent when `nil`.
    public var oldIDNumber: String?
    /// DG13 field 16, a 16-character value of unknown meaning on real cards (kept raw).
    public var field16: String?
    /// Another ICAO document instead of a CCCD — a TD3 passport, another country's TD1/TD2 card:
    /// DG1 holds these MRZ lines as given, BAC opens with their document number, birth and expiry,
    /// and the chip has no DG13 (no Vietnamese personal data). ``personalID`` then only supplies
    /// the CAN (its last 6 digits), as printed on such a document's data page.
    public var documentMRZ: [String]?

    public init(
        personalID: PersonalID, fullName: String, dateOfBirth: CivilDate, sex: Sex,
        nationality: String = "Việt Nam", ethnicity: String = "Kinh", religion: String = "Không",
        placeOfOrigin: String, placeOfResidence: String, identifyingMarks: String = "",
        issueDate: CivilDate, expiry: CardExpiry? = nil, father: String? = nil, mother: String? = nil,
        spouse: String? = nil, oldIDNumber: String? = nil, field16: String? = nil
    ) {
        self.personalID = personalID
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
        self.father = father
        self.mother = mother
        self.spouse = spouse
        self.oldIDNumber = oldIDNumber
        self.field16 = field16
    }

    /// The expiry printed on the card: the profile's, or the one the laws give.
    public var effectiveExpiry: CardExpiry {
        expiry ?? ExpiryDerivation(dateOfBirth: dateOfBirth, issueDate: issueDate).expiry
    }

    /// The lines of DG1: a CCCD's three TD1 lines, or the foreign document's own.
    public var machineReadableZone: [String] {
        documentMRZ ?? VietnameseMRZ.td1Lines(personalID: personalID, dateOfBirth: dateOfBirth, sex: sex,
                                              expiry: effectiveExpiry, fullName: fullName)
    }

    /// Document number (a CCCD's last 9 ID digits), birth and expiry: the BAC and PACE-MRZ secret;
    /// nil when a foreign document's MRZ does not parse.
    public var bacKeyMaterial: BACKeyMaterial? {
        if let documentMRZ {
            return (try? MachineReadableZone(parsing: documentMRZ.joined(separator: "\n")))?.bacKeyMaterial
        }
        return BACKeyMaterial(documentNumber: personalID.bacDocumentNumber, dateOfBirth: dateOfBirth.yymmdd,
                              dateOfExpiry: effectiveExpiry.mrzText)
    }

    private enum CodingKeys: String, CodingKey {
        case personalID, fullName, dateOfBirth, sex, nationality, ethnicity, religion, placeOfOrigin
        case placeOfResidence, identifyingMarks, issueDate, expiry, father, mother, spouse, oldIDNumber, field16
        case documentMRZ
    }

    /// Optional text fields take the defaults of a typical card; `expiry` is `"never"` or `YYYY-MM-DD`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        personalID = try c.decode(PersonalID.self, forKey: .personalID)
        fullName = try c.decode(String.self, forKey: .fullName)
        dateOfBirth = try c.decode(CivilDate.self, forKey: .dateOfBirth)
        sex = try c.decode(Sex.self, forKey: .sex)
        nationality = try c.decodeIfPresent(String.self, forKey: .nationality) ?? "Việt Nam"
        ethnicity = try c.decodeIfPresent(String.self, forKey: .ethnicity) ?? "Kinh"
        religion = try c.decodeIfPresent(String.self, forKey: .religion) ?? "Không"
        placeOfOrigin = try c.decode(String.self, forKey: .placeOfOrigin)
        placeOfResidence = try c.decode(String.self, forKey: .placeOfResidence)
        identifyingMarks = try c.decodeIfPresent(String.self, forKey: .identifyingMarks) ?? ""
        issueDate = try c.decode(CivilDate.self, forKey: .issueDate)
        switch try c.decodeIfPresent(String.self, forKey: .expiry) {
        case nil: expiry = nil
        case "never": expiry = .never
        case let text?:
            guard let date = CivilDate(iso8601: text) else {
                throw DecodingError.dataCorruptedError(forKey: .expiry, in: c, debugDescription: "expected \"never\" or YYYY-MM-DD")
            }
            expiry = .on(date)
        }
        father = try c.decodeIfPresent(String.self, forKey: .father)
        mother = try c.decodeIfPresent(String.self, forKey: .mother)
        spouse = try c.decodeIfPresent(String.self, forKey: .spouse)
        oldIDNumber = try c.decodeIfPresent(String.self, forKey: .oldIDNumber)
        field16 = try c.decodeIfPresent(String.self, forKey: .field16)
        documentMRZ = try c.decodeIfPresent([String].self, forKey: .documentMRZ)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(personalID, forKey: .personalID)
        try c.encode(fullName, forKey: .fullName)
        try c.encode(dateOfBirth, forKey: .dateOfBirth)
        try c.encode(sex, forKey: .sex)
        try c.encode(nationality, forKey: .nationality)
        try c.encode(ethnicity, forKey: .ethnicity)
        try c.encode(religion, forKey: .religion)
        try c.encode(placeOfOrigin, forKey: .placeOfOrigin)
        try c.encode(placeOfResidence, forKey: .placeOfResidence)
        try c.encode(identifyingMarks, forKey: .identifyingMarks)
        try c.encode(issueDate, forKey: .issueDate)
        try c.encodeIfPresent(expiry.map { $0 == .never ? "never" : $0.jsonText }, forKey: .expiry)
        try c.encodeIfPresent(father, forKey: .father)
        try c.encodeIfPresent(mother, forKey: .mother)
        try c.encodeIfPresent(spouse, forKey: .spouse)
        try c.encodeIfPresent(oldIDNumber, forKey: .oldIDNumber)
        try c.encodeIfPresent(field16, forKey: .field16)
        try c.encodeIfPresent(documentMRZ, forKey: .documentMRZ)
    }
}
