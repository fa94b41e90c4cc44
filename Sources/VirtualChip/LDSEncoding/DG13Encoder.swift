import ChipProtocol

/// DG13, the Vietnamese personal-data group (cccd.md §4): a SEQUENCE of version, the UTF-8 text
/// OID and a SET of numbered fields `30 { 02 n, value… }`.
enum DG13Encoder {
    static func encode(_ holder: ChipHolder, parentsLayout: ChipOptions.ParentsLayout) -> [UInt8] {
        var fields: [[UInt8]] = [
            field(1, DER.printableString(holder.personalID.digits)),
            field(2, DER.utf8String(holder.fullName)),
            field(3, DER.printableString(holder.dateOfBirth.slashedDMY)),
            field(4, DER.utf8String(holder.sex.qrText)),
            field(5, DER.utf8String(holder.nationality)),
            field(6, DER.utf8String(holder.ethnicity)),
            field(7, DER.utf8String(holder.religion)),
            field(8, DER.utf8String(holder.placeOfOrigin)),
            field(9, DER.utf8String(holder.placeOfResidence)),
            field(10, DER.utf8String(holder.identifyingMarks)),
            field(11, DER.printableString(holder.issueDate.slashedDMY)),
            field(12, DER.utf8String(holder.effectiveExpiry.date?.slashedDMY ?? "Không thời hạn")),
        ]
        let parents = [holder.father ?? "", holder.mother ?? ""].map(DER.utf8String)
        switch parentsLayout {
        case .nested:
            fields.append(field(13, DER.sequence(parents[0], parents[1])))
        case .separate:
            fields.append(field(13, DER.sequence(parents[0]), DER.sequence(parents[1])))
        }
        fields.append(holder.spouse.map { field(14, DER.sequence(DER.utf8String($0))) } ?? field(14))
        if let oldID = holder.oldIDNumber { fields.append(field(15, DER.printableString(oldID))) }
        if let raw = holder.field16 { fields.append(field(16, DER.printableString(raw))) }
        let body = DER.sequence(DER.integer(1), DER.objectIdentifier(SecurityObjectIdentifier.utf8Text), DER.set(fields))
        return TLV(tag: 0x6D, value: body).encoded
    }

    private static func field(_ number: Int, _ values: [UInt8]...) -> [UInt8] {
        TLV(tag: 0x30, value: DER.integer(number) + values.flatMap { $0 }).encoded
    }
}
