/// Reads the fields of a CCCD / thẻ căn cước QR (cccd.md §1).
///
/// Order matters: keyboard-wedge damage is recognised first (so the admin is told to fix the
/// scanner rather than shown a field error), then each field is validated, then the ID digits are
/// cross-checked against the date of birth and sex — a QR that disagrees with itself is corrupt.
enum CitizenQRParser {
    /// `scan` summarises the whole payload so checks that cannot fire are skipped.
    static func parse(_ fields: [Substring], scan: PayloadScan) throws(QRPayloadError) -> CitizenQR {
        guard fields.count >= 7 else { throw .tooFewFields(found: fields.count) }
        try rejectKeyboardWedgeDamage(fields, scan: scan)

        guard let personalID = PersonalID(fields[0]) else { throw .invalidIDNumber(fields[0]) }

        let oldID = fields[1]
        guard oldID.isEmpty || Digits.areAll(oldID, count: 9) || Digits.areAll(oldID, count: 12) else {
            throw .invalidOldIDNumber(oldID)
        }

        let fullName = try text(fields[2], .fullName, required: true, scan: scan)
        let dateOfBirth = try date(fields[3], .dateOfBirth)
        guard !fields[4].isEmpty else { throw .missing(.sex) }
        guard let sex = Sex(qrText: fields[4]) else {
            throw .invalidSex(fields[4])
        }
        let address = try text(fields[5], .address, required: false, scan: scan)
        let issueDate = try date(fields[6], .issueDate)

        if let problem = personalID.crossCheck(dateOfBirth: dateOfBirth, sex: sex).first {
            throw .mismatch(problem)
        }
        guard issueDate >= dateOfBirth else { throw .issuedBeforeBirth }

        let extraFields = fields[7...].map(String.init)
        return CitizenQR(
            validated: personalID, oldIDNumber: oldID.isEmpty ? nil : String(oldID), fullName: fullName,
            dateOfBirth: dateOfBirth, sex: sex, address: address, issueDate: issueDate,
            extraFields: extraFields,
            warnings: warnings(personalID: personalID, address: address, extraFields: extraFields))
    }

    private static func rejectKeyboardWedgeDamage(_ fields: [Substring], scan: PayloadScan) throws(QRPayloadError) {
        let textFields = [fields[2], fields[4], fields[5]]
        if scan.hasReplacement, textFields.contains(where: KeyboardWedgeDetector.hasReplacementCharacters) {
            throw .keyboardWedge(.lettersReplaced)
        }
        if KeyboardWedgeDetector.looksLikeMangledSex(fields[4]) {
            throw .keyboardWedge(.diacriticsLost)
        }
        // Real names and addresses always carry diacritics (Phường, Xã, Thôn, Nguyễn…); a payload
        // with none at all is a scanner that could not type them. [?] A holder whose name *and*
        // address are plain ASCII would be refused here; none is known.
        if !fields[2].isEmpty, !scan.hasNonASCII || textFields.allSatisfy(KeyboardWedgeDetector.isASCII) {
            throw .keyboardWedge(.diacriticsLost)
        }
    }

    private static func text(_ field: Substring, _ label: QRField, required: Bool,
                             scan: PayloadScan) throws(QRPayloadError) -> String {
        if required, field.isEmpty { throw .missing(label) }
        if scan.hasControl, ControlCharacters.occur(in: field.utf8) {
            throw .invalidText(label)
        }
        return String(field)
    }

    private static func date(_ field: Substring, _ label: QRField) throws(QRPayloadError) -> CivilDate {
        guard !field.isEmpty else { throw .missing(label) }
        guard let date = CivilDate(compactDMY: field) else { throw .notADate(label, field) }
        return date
    }

    private static func warnings(personalID: PersonalID, address: String, extraFields: [String]) -> [QRWarning] {
        var warnings: [QRWarning] = []
        if case .unknown(let code) = personalID.birthRegistration {
            warnings.append(.unknownBirthRegistrationCode(code))
        }
        if address.isEmpty { warnings.append(.missingAddress) }
        let filled = extraFields.indices.filter { !extraFields[$0].isEmpty }.map { $0 + 7 }
        if !filled.isEmpty { warnings.append(.unrecognisedExtraFields(indices: filled)) }
        return warnings
    }
}
