/// The TD1 zone of Vietnamese cards (cccd.md §5): the 12-digit ID sits in the optional data with
/// its own check digit, and the document number is its last 9 digits.
///
/// ```
/// IDVNM1900001230001190000123<<1
/// 9003152F3003150VNM<<<<<<<<<<<8
/// NGUYEN<<THI<MAU<<<<<<<<<<<<<<<
/// ```
public enum VietnameseMRZ {
    /// The three TD1 lines a card with these data carries.
    public static func td1Lines(personalID: PersonalID, dateOfBirth: CivilDate, sex: Sex,
                                expiry: CardExpiry, fullName: String) -> [String] {
        let documentNumber = personalID.bacDocumentNumber
        let line1 = "IDVNM" + documentNumber + check(documentNumber) + personalID.digits + "<<" + check(personalID.digits)
        let birth = dateOfBirth.yymmdd, expiryText = expiry.mrzText
        let optional2 = String(repeating: "<", count: 11)
        var line2 = birth + check(birth) + String(sex.mrzCharacter) + expiryText + check(expiryText) + "VNM" + optional2
        let composite = String(line1.dropFirst(5)) + String(line2.prefix(7)) + String(line2.dropFirst(8).prefix(7)) + optional2
        line2 += check(composite)
        return [line1, line2, MRZName(vietnameseFullName: fullName).field(width: 30)]
    }

    /// The 12-digit ID in a Vietnamese TD1's optional data, its check digit verified.
    /// `nil` for documents that are not Vietnamese TD1 cards.
    public static func personalID(in zone: MachineReadableZone) throws(MRZError) -> PersonalID? {
        guard zone.format == .td1, zone.issuingState == "VNM" else { return nil }
        let bytes = Array(zone.optionalData.utf8)
        guard bytes.count == 15, let id = PersonalID(String(decoding: bytes[0..<12], as: UTF8.self)),
              bytes[12] == UInt8(ascii: "<"), bytes[13] == UInt8(ascii: "<")
        else { throw .invalidVietnameseOptionalData }
        guard MRZCheckDigit.verify(id.digits, against: bytes[14]) else { throw .checkDigit(.optionalData) }
        return id
    }

    private static func check(_ text: String) -> String {
        String(MRZCheckDigit.compute(text) ?? 0)
    }
}

extension CitizenQR {
    /// The TD1 lines of this holder's card for one expiry candidate (tests, the virtual chip).
    public func td1Lines(expiry: CardExpiry) -> [String] {
        VietnameseMRZ.td1Lines(personalID: personalID, dateOfBirth: dateOfBirth, sex: sex,
                               expiry: expiry, fullName: fullName)
    }

    /// BAC key material for one expiry candidate: document number = last 9 ID digits.
    public func bacKeyMaterial(expiry: CardExpiry) -> BACKeyMaterial {
        BACKeyMaterial(unchecked: personalID.bacDocumentNumber, dateOfBirth: dateOfBirth.yymmdd,
                       dateOfExpiry: expiry.mrzText)
    }

    /// BAC key material for every expiry candidate, in the order a reader should try them.
    public var bacKeyCandidates: [BACKeyMaterial] {
        expiry.candidates.map(bacKeyMaterial(expiry:))
    }

    /// The PACE CAN: last 6 ID digits (try first; BAC is the fallback).
    public var cardAccessNumber: CardAccessNumber { personalID.cardAccessNumber }
}
