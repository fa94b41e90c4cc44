import CCCDIdentity
import LDS

/// The holder as the chip states it: DG13's fields under the same English camelCase keys as the
/// QR JSON (`idNumber`, `fullName`, `dateOfBirth` ISO…), plus DG1's machine-readable zone.
///
/// Every key is always present, `null` when the chip does not carry the field, so scripts see one
/// shape. A birth date the chip gives only in part (`1945`) is reported as its text.
struct ChipIdentityJSON: Encodable {
    let citizen: VietnameseCitizenData?
    let mrz: MachineReadableZone?

    enum CodingKeys: String, CodingKey {
        case idNumber, oldIdNumber, fullName, dateOfBirth, sex, nationality, ethnicity, religion
        case placeOfOrigin, placeOfResidence, identifyingMarks, issueDate, expiry
        case fatherName, motherName, spouseName, mrz
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let citizen = citizen ?? VietnameseCitizenData()
        try container.encode(citizen.idNumber?.digits, forKey: .idNumber)
        try container.encode(citizen.oldIdNumber, forKey: .oldIdNumber)
        try container.encode(citizen.fullName, forKey: .fullName)
        try container.encode(citizen.dateOfBirth?.iso8601 ?? citizen.partialDateOfBirth, forKey: .dateOfBirth)
        try container.encode(citizen.sex?.rawValue, forKey: .sex)
        try container.encode(citizen.nationality, forKey: .nationality)
        try container.encode(citizen.ethnicity, forKey: .ethnicity)
        try container.encode(citizen.religion, forKey: .religion)
        try container.encode(citizen.placeOfOrigin, forKey: .placeOfOrigin)
        try container.encode(citizen.placeOfResidence, forKey: .placeOfResidence)
        try container.encode(citizen.identifyingMarks, forKey: .identifyingMarks)
        try container.encode(citizen.issueDate?.iso8601, forKey: .issueDate)
        try container.encode(citizen.expiry.map(Self.expiryText), forKey: .expiry)
        try container.encode(citizen.fatherName, forKey: .fatherName)
        try container.encode(citizen.motherName, forKey: .motherName)
        try container.encode(citizen.spouseName, forKey: .spouseName)
        try container.encode(mrz.map(MRZJSON.init), forKey: .mrz)
    }

    /// ISO date, `noExpiry` (as in the QR JSON's expiry candidates), or the chip's own text.
    static func expiryText(_ validity: CardValidity) -> String {
        validity.cardExpiry?.jsonText ?? validity.chipText
    }
}

/// DG1's MRZ: the lines as stored, and the fields BAC keys are made of.
private struct MRZJSON: Encodable {
    let format: String
    let lines: [String]
    let documentNumber: String
    let dateOfBirth: String
    let dateOfExpiry: String

    init(_ mrz: MachineReadableZone) {
        format = mrz.format.rawValue
        lines = mrz.lines
        documentNumber = mrz.documentNumber
        dateOfBirth = mrz.dateOfBirth.text
        dateOfExpiry = mrz.dateOfExpiry.text
    }
}
