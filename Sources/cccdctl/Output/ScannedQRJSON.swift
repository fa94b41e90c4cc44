import CCCDIdentity
import Foundation

/// The JSON shape of one scanned QR, shared by `cccdctl qr parse` and `cccdctl qr decode` (one
/// object per decoded symbol) so scripts read both the same way.
///
/// English camelCase keys; dates ISO `YYYY-MM-DD`; a missing value is `null` rather than an
/// absent key. `expiryCandidates` lists the expiries a BAC attempt tries, in order, with
/// `"noExpiry"` standing for the `991231` of cards that never expire.
struct ScannedQRJSON: Encodable {
    let scanned: ScannedQR

    init(_ scanned: ScannedQR) { self.scanned = scanned }

    func encode(to encoder: any Encoder) throws {
        switch scanned {
        case .cccd(let qr): try CitizenJSON(qr).encode(to: encoder)
        case .bhyt(let qr): try BHYTJSON(qr).encode(to: encoder)
        }
    }

    /// Pretty-printed, sorted keys, UTF-8 text with a trailing newline.
    func rendered() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}

/// One warning: stable code plus the English message.
struct WarningJSON: Encodable {
    let code: String
    let message: String

    init(_ warning: QRWarning) {
        code = warning.code
        message = warning.message.en
    }
}

private struct CitizenJSON: Encodable {
    let qr: CitizenQR
    init(_ qr: CitizenQR) { self.qr = qr }

    enum CodingKeys: String, CodingKey {
        case kind, layout, idNumber, oldIdNumber, fullName, dateOfBirth, sex, address, issueDate
        case province, expiryCandidates, expiryRule, chipAccess, extraFields, warnings
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let expiry = qr.expiry
        try container.encode("cccd", forKey: .kind)
        try container.encode(qr.layout.name, forKey: .layout)
        try container.encode(qr.personalID.digits, forKey: .idNumber)
        try container.encode(qr.oldIDNumber, forKey: .oldIdNumber)
        try container.encode(qr.fullName, forKey: .fullName)
        try container.encode(qr.dateOfBirth.iso8601, forKey: .dateOfBirth)
        try container.encode(qr.sex.rawValue, forKey: .sex)
        try container.encode(qr.address, forKey: .address)
        try container.encode(qr.issueDate.iso8601, forKey: .issueDate)
        try container.encode(ProvinceJSON(qr.birthRegistration), forKey: .province)
        try container.encode(expiry.candidates.map(\.jsonText), forKey: .expiryCandidates)
        try container.encode(ExpiryRuleJSON(expiry), forKey: .expiryRule)
        try container.encode(ChipAccessJSON(qr), forKey: .chipAccess)
        try container.encode(qr.extraFields, forKey: .extraFields)
        try container.encode(qr.warnings.map(WarningJSON.init), forKey: .warnings)
    }
}

/// `{"code": "001", "kind": "province", "name": "Hà Nội"}`; `kind` is `abroad` (country code) or
/// `unknown` with `name` null.
private struct ProvinceJSON: Encodable {
    let code: String
    let kind: String
    let name: Nullable<String>

    init(_ registration: BirthRegistration) {
        code = registration.codeText
        switch registration {
        case .province(_, let provinceName): (kind, name) = ("province", Nullable(provinceName))
        case .abroad: (kind, name) = ("abroad", Nullable(nil))
        case .unknown: (kind, name) = ("unknown", Nullable(nil))
        }
    }
}

/// Which rule produced the first expiry candidate, so an operator can see why.
private struct ExpiryRuleJSON: Encodable {
    let law: String
    let renewalAge: Nullable<Int>
    let twoYearRuleApplied: Bool

    init(_ derivation: ExpiryDerivation) {
        law = derivation.law.rawValue
        renewalAge = Nullable(derivation.renewalAge)
        twoYearRuleApplied = derivation.twoYearRuleApplied
    }
}

/// An optional that encodes as JSON `null` instead of being left out, so every object of one
/// kind has the same keys (synthesised `Encodable` skips `nil` optionals).
struct Nullable<Wrapped: Encodable>: Encodable {
    let value: Wrapped?

    init(_ value: Wrapped?) { self.value = value }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let value { try container.encode(value) } else { try container.encodeNil() }
    }
}

/// What opens the chip: the PACE CAN and the BAC document number.
private struct ChipAccessJSON: Encodable {
    let can: String
    let bacDocumentNumber: String

    init(_ qr: CitizenQR) {
        can = qr.cardAccessNumber.digits
        bacDocumentNumber = qr.personalID.bacDocumentNumber
    }
}

private struct BHYTJSON: Encodable {
    let qr: BHYTCardQR
    init(_ qr: BHYTCardQR) { self.qr = qr }

    enum CodingKeys: String, CodingKey {
        case kind, cardCode, socialInsuranceNumber, beneficiaryGroup, benefitLevel, provinceCode
        case fullName, dateOfBirth, sex, address, registeredFacility, registeredFacilityCode
        case validFrom, validTo, issueDate
        case warnings
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let code = qr.cardCode
        try container.encode("bhyt", forKey: .kind)
        try container.encode(code.text, forKey: .cardCode)
        try container.encode(code.socialInsuranceNumber, forKey: .socialInsuranceNumber)
        try container.encode(code.beneficiaryGroup, forKey: .beneficiaryGroup)
        try container.encode(code.benefitLevel, forKey: .benefitLevel)
        try container.encode(code.provinceCode, forKey: .provinceCode)
        try container.encode(qr.fullName, forKey: .fullName)
        try container.encode(qr.dateOfBirth.isoText, forKey: .dateOfBirth)
        try container.encode(qr.sex?.rawValue, forKey: .sex)
        try container.encode(qr.address, forKey: .address)
        try container.encode(qr.registeredFacility, forKey: .registeredFacility)
        try container.encode(qr.registeredFacilityCode, forKey: .registeredFacilityCode)
        try container.encode(qr.validFrom?.iso8601, forKey: .validFrom)
        try container.encode(qr.validTo?.iso8601, forKey: .validTo)
        try container.encode(qr.issueDate?.iso8601, forKey: .issueDate)
        try container.encode(qr.warnings.map(WarningJSON.init), forKey: .warnings)
    }
}
