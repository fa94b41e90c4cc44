import ChipProtocol
import LDS

extension ChipHolder {
    /// The DG13 content of this holder's card, in the LDS module's model.
    var citizenData: VietnameseCitizenData {
        VietnameseCitizenData(
            idNumber: personalID, fullName: fullName, dateOfBirth: dateOfBirth, sex: sex,
            nationality: nationality, ethnicity: ethnicity, religion: religion,
            placeOfOrigin: placeOfOrigin, placeOfResidence: placeOfResidence,
            identifyingMarks: identifyingMarks.isEmpty ? nil : identifyingMarks,
            issueDate: issueDate, expiry: CardValidity(effectiveExpiry),
            fatherName: father, motherName: mother, spouseName: spouse, oldIdNumber: oldIDNumber,
            field16Raw: field16.map { raw in
                // 30 { 02 01 10, 13 <raw> }: field 16 is a PrintableString on real cards.
                let encoded = TLV(tag: 0x30, value: [0x02, 0x01, 0x10] + TLV(tag: 0x13, value: Array(raw.utf8)).encoded).encoded
                return DG13RawField(number: 16, texts: [raw], encoded: encoded)
            }
        )
    }
}

extension ChipOptions.ParentsLayout {
    var dataGroup13Layout: DataGroup13.ParentLayout {
        switch self {
        case .nested: .oneSequence
        case .separate: .sequencePerParent
        }
    }
}
