/// Reads a BHYT card QR.
///
/// Layout, pipe-separated (two independent open-source readers and a public decoded sample [S]):
///
/// | index | content |
/// |---|---|
/// | 0 | card code (15 characters) or the 10-digit social insurance number |
/// | 1 | full name, hex-encoded UTF-8 |
/// | 2 | date of birth `dd/mm/yyyy` (or a bare `yyyy`) |
/// | 3 | sex: `1` male, `2` female |
/// | 4 | address, hex-encoded UTF-8 (or `-`; newer cards put a place in field 15 instead [?]) |
/// | 5 | registered primary-care facility, `PP - FFF` |
/// | 6, 7, 8 | valid from, valid to (`-` = open), issue date — `dd/mm/yyyy` |
/// | 9… | management code, parent's name (hex), 5-year date, check string…; then `$` |
///
/// Only 0–3 are required; fields 4–8 are read when well-formed and otherwise reported as
/// ``QRWarning/unreadableBHYTField(index:)``, because the later fields vary between card series.
enum BHYTCardQRParser {
    /// The shape, not the validity: field 0 is 10 or 15 ASCII letters/digits and field 2 is shaped
    /// like `dd/dd/dddd` or `dddd`. Nothing else on a reception desk looks like that, and deciding
    /// on shape lets a damaged card code or name get its own specific error.
    static func looksLikeBHYT(_ fields: [Substring]) -> Bool {
        guard fields.count >= 3 else { return false }
        let code = fields[0].utf8
        let codeShaped = (code.count == 10 || code.count == 15)
            && code.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) }
        return codeShaped && isDateShaped(fields[2])
    }

    private static func isDateShaped(_ field: Substring) -> Bool {
        let bytes = Array(field.utf8)
        let isDigit = { (byte: UInt8) in byte >= 0x30 && byte <= 0x39 }
        if bytes.count == 4 { return bytes.allSatisfy(isDigit) }
        return bytes.count == 10 && bytes.indices.allSatisfy { index in
            index == 2 || index == 5 ? bytes[index] == UInt8(ascii: "/") : isDigit(bytes[index])
        }
    }

    static func parse(_ rawFields: [Substring]) throws(QRPayloadError) -> BHYTCardQR {
        var fields = rawFields
        if fields.last == "$" { fields.removeLast() }
        guard fields.count >= 4 else { throw .missing(fields.count < 3 ? .bhytDateOfBirth : .bhytSex) }
        guard let cardCode = BHYTCardCode(fields[0]) else { throw .invalidBHYTCardCode(fields[0]) }
        guard let fullName = HexText.decode(fields[1]), !fullName.isEmpty else {
            throw .notHexText(.bhytFullName, fields[1])
        }
        let dateOfBirth = try birthDate(fields[2])

        var warnings: [QRWarning] = []
        let sex: Sex? = switch fields[3] {
        case "1": .male
        case "2": .female
        default: nil
        }
        if sex == nil { warnings.append(.unknownBHYTSexCode) }

        func optional<T>(_ index: Int, _ read: (Substring) -> T?) -> T? {
            guard index < fields.count, !fields[index].isEmpty, fields[index] != "-" else { return nil }
            guard let value = read(fields[index]) else {
                warnings.append(.unreadableBHYTField(index: index))
                return nil
            }
            return value
        }
        let address = optional(4) { HexText.decode($0) }
        let facility = optional(5) { String($0) }
        let validFrom = optional(6) { CivilDate(slashedDMY: $0) }
        let validTo = optional(7) { CivilDate(slashedDMY: $0) }
        let issueDate = optional(8) { CivilDate(slashedDMY: $0) }

        return BHYTCardQR(
            cardCode: cardCode, fullName: fullName, dateOfBirth: dateOfBirth, sex: sex, address: address,
            registeredFacility: facility, validFrom: validFrom, validTo: validTo, issueDate: issueDate,
            rawFields: fields.map(String.init), warnings: warnings)
    }

    private static func birthDate(_ field: Substring) throws(QRPayloadError) -> BHYTBirthDate {
        guard !field.isEmpty else { throw .missing(.bhytDateOfBirth) }
        if let date = CivilDate(slashedDMY: field) { return .date(date) }
        if Digits.areAll(field, count: 4), let year = Int(field), year >= 1800 { return .yearOnly(year) }
        throw .notADate(.bhytDateOfBirth, field)
    }
}
