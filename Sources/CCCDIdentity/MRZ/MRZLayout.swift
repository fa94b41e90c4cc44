/// Field positions of the three MRZ formats (ICAO 9303 Parts 4–6) and their check digits.
enum MRZLayout {
    /// TD1: line 1 `CCSSSNNNNNNNNNcOOOOOOOOOOOOOOO`, line 2 `BBBBBBcSEEEEEEcNNNOOOOOOOOOOOc`,
    /// line 3 the name. A document number longer than 9 characters puts `<` in its check position
    /// and continues in the optional data, ending with its check digit (Part 5 §4.2.4).
    static func parseTD1(_ lines: [String]) throws(MRZError) -> MachineReadableZone {
        let line1 = Array(lines[0].utf8), line2 = Array(lines[1].utf8)
        var documentNumber = text(line1[5..<14])
        var optionalData = text(line1[15..<30])
        if line1[14] == UInt8(ascii: "<") {
            // Long document number: continuation up to the first filler, last character = check.
            let continuation = line1[15..<30].prefix { $0 != UInt8(ascii: "<") }
            guard let check = continuation.last else { throw .checkDigit(.documentNumber) }
            let fullNumber = text(line1[5..<14]) + text(continuation.dropLast())
            guard MRZCheckDigit.verify(fullNumber, against: check) else { throw .checkDigit(.documentNumber) }
            documentNumber = fullNumber
            optionalData = text(line1[(15 + continuation.count)..<30])
        } else {
            try verify(line1[5..<14], line1[14], .documentNumber)
        }
        let dates = try readDates(line2, birthAt: 0, expiryAt: 8)
        let composite = line1[5..<30] + line2[0..<7] + line2[8..<15] + line2[18..<29]
        try verify(composite, line2[29], .composite)
        return MachineReadableZone(
            format: .td1, documentCode: trimmed(line1[0..<2]), issuingState: trimmed(line1[2..<5]),
            documentNumber: trimmed(Array(documentNumber.utf8)[...]), dateOfBirth: dates.birth,
            sex: try sex(line2[7]), dateOfExpiry: dates.expiry, nationality: trimmed(line2[15..<18]),
            optionalData: optionalData, optionalData2: text(line2[18..<29]),
            name: MRZName(field: text(Array(lines[2].utf8)[...])), lines: lines)
    }

    /// TD2 and TD3 share a layout: line 1 `CCSSS` + name; line 2 document number, check,
    /// nationality, birth date, check, sex, expiry, check, optional data / personal number with
    /// its check (TD3 only), composite. TD2's long document numbers continue in the optional data.
    static func parseTD2OrTD3(_ lines: [String], format: MachineReadableZone.Format) throws(MRZError) -> MachineReadableZone {
        let line1 = Array(lines[0].utf8), line2 = Array(lines[1].utf8)
        let last = format.lineLength - 1
        var documentNumber = text(line2[0..<9])
        var optionalEnd = format == .td3 ? last - 1 : last
        var optionalData = text(line2[28..<optionalEnd])
        if format == .td2, line2[9] == UInt8(ascii: "<") {
            let continuation = line2[28..<optionalEnd].prefix { $0 != UInt8(ascii: "<") }
            guard let check = continuation.last else { throw .checkDigit(.documentNumber) }
            let fullNumber = documentNumber + text(continuation.dropLast())
            guard MRZCheckDigit.verify(fullNumber, against: check) else { throw .checkDigit(.documentNumber) }
            documentNumber = fullNumber
            optionalData = text(line2[(28 + continuation.count)..<optionalEnd])
        } else {
            try verify(line2[0..<9], line2[9], .documentNumber)
        }
        let dates = try readDates(line2, birthAt: 13, expiryAt: 21)
        if format == .td3 {
            try verify(line2[28..<42], line2[42], .optionalData)
            optionalEnd = 43
        }
        let composite = line2[0..<10] + line2[13..<20] + line2[21..<optionalEnd]
        try verify(composite, line2[last], .composite)
        return MachineReadableZone(
            format: format, documentCode: trimmed(line1[0..<2]), issuingState: trimmed(line1[2..<5]),
            documentNumber: trimmed(Array(documentNumber.utf8)[...]), dateOfBirth: dates.birth,
            sex: try sex(line2[20]), dateOfExpiry: dates.expiry, nationality: trimmed(line2[10..<13]),
            optionalData: optionalData, optionalData2: "",
            name: MRZName(field: text(line1[5..<format.lineLength])), lines: lines)
    }

    private static func readDates(_ line: [UInt8], birthAt: Int, expiryAt: Int) throws(MRZError) -> (birth: MRZDate, expiry: MRZDate) {
        try verify(line[birthAt..<(birthAt + 6)], line[birthAt + 6], .dateOfBirth)
        try verify(line[expiryAt..<(expiryAt + 6)], line[expiryAt + 6], .dateOfExpiry)
        let birthText = text(line[birthAt..<(birthAt + 6)]), expiryText = text(line[expiryAt..<(expiryAt + 6)])
        guard let birth = MRZDate(validating: birthText) else { throw .invalidDate(.dateOfBirth, birthText) }
        guard let expiry = MRZDate(validating: expiryText) else { throw .invalidDate(.dateOfExpiry, expiryText) }
        return (birth, expiry)
    }

    private static func verify(_ field: ArraySlice<UInt8>, _ check: UInt8, _ name: MRZCheckedField) throws(MRZError) {
        guard MRZCheckDigit.verify(text(field), against: check) else { throw .checkDigit(name) }
    }

    private static func sex(_ byte: UInt8) throws(MRZError) -> MRZSex {
        switch byte {
        case UInt8(ascii: "M"): .male
        case UInt8(ascii: "F"): .female
        case UInt8(ascii: "<"), UInt8(ascii: "X"): .unspecified
        default: throw .invalidSex(Character(Unicode.Scalar(byte)))
        }
    }

    private static func text(_ bytes: some Collection<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// Without trailing fillers.
    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> String {
        var end = bytes.endIndex
        while end > bytes.startIndex, bytes[end - 1] == UInt8(ascii: "<") { end -= 1 }
        return text(bytes[bytes.startIndex..<end])
    }
}
