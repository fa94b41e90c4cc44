public import CCCDIdentity
import ChipProtocol
import SwiftASN1

extension DataGroup13 {
    /// The two layouts of field 13 seen on cards (cccd.md §4).
    public enum ParentLayout: Sendable, Hashable, CaseIterable {
        /// `30 { 02 01 0D  30 { 0C father  0C mother } }`
        case oneSequence
        /// `30 { 02 01 0D  30 { 0C father }  30 { 0C mother } }`
        case sequencePerParent
    }

    /// Builds DG13 for the virtual chip and tests, fields in number order (as cards store them —
    /// so the SET is written in that order, not DER-sorted), strings typed as the spec lists them.
    /// Unknown fields and field 16 are written back exactly as they were read.
    ///
    /// - Parameter emptySpouseField: write `30 03 02 01 0E` when there is no spouse, as cards do.
    public static func encode(_ citizen: VietnameseCitizenData, parentLayout: ParentLayout = .oneSequence,
                              emptySpouseField: Bool = true) throws(LDSError) -> [UInt8] {
        var fields: [(number: Int, bytes: [UInt8])] = []
        func add(_ number: Int, _ text: String?, printable: Bool = false) throws(LDSError) {
            guard let text else { return }
            fields.append((number, try field(number) { coder in try string(text, printable: printable, into: &coder) }))
        }
        try add(1, citizen.idNumber?.digits, printable: true)
        try add(2, citizen.fullName)
        try add(3, citizen.dateOfBirth?.slashedDMY ?? citizen.partialDateOfBirth, printable: true)
        try add(4, citizen.sex?.qrText)
        try add(5, citizen.nationality)
        try add(6, citizen.ethnicity)
        try add(7, citizen.religion)
        try add(8, citizen.placeOfOrigin)
        try add(9, citizen.placeOfResidence)
        try add(10, citizen.identifyingMarks)
        try add(11, citizen.issueDate?.slashedDMY, printable: true)
        try add(12, citizen.expiry?.chipText)
        if citizen.fatherName != nil || citizen.motherName != nil {
            let parents = [citizen.fatherName ?? "", citizen.motherName ?? ""]
            fields.append((13, try field(13) { coder in
                switch parentLayout {
                case .oneSequence:
                    try coder.appendConstructedNode(identifier: .sequence) { inner in
                        for name in parents { try string(name, printable: false, into: &inner) }
                    }
                case .sequencePerParent:
                    for name in parents {
                        try coder.appendConstructedNode(identifier: .sequence) { inner in try string(name, printable: false, into: &inner) }
                    }
                }
            }))
        }
        if let spouse = citizen.spouseName {
            fields.append((14, try field(14) { coder in
                try coder.appendConstructedNode(identifier: .sequence) { inner in try string(spouse, printable: false, into: &inner) }
            }))
        } else if emptySpouseField {
            fields.append((14, try field(14) { _ in }))
        }
        try add(15, citizen.oldIdNumber, printable: true)
        fields += ([citizen.field16Raw].compactMap { $0 } + citizen.unknownFields).map { ($0.number, $0.encoded) }
        fields.sort { $0.number < $1.number }

        let body = try DER.Serializer.bytes { coder in
            try coder.appendConstructedNode(identifier: .sequence) { coder in
                try coder.serialize(1)
                try coder.serialize(ObjectIdentifiers.utf8CharacterSet)
                coder.appendConstructedNode(identifier: .set) { coder in
                    for field in fields { coder.serializeRawBytes(field.bytes) }
                }
            }
        }
        return TLV(tag: 0x6D, value: body).encoded
    }

    /// `30 { 02 01 n  <value> }`.
    private static func field(_ number: Int, _ value: (inout DER.Serializer) throws -> Void) throws(LDSError) -> [UInt8] {
        try DER.Serializer.bytes { coder in
            try coder.appendConstructedNode(identifier: .sequence) { coder in
                try coder.serialize(number)
                try value(&coder)
            }
        }
    }

    /// PrintableString for the fields the spec types so (IDs, dates) when the text fits its
    /// character set, UTF8String otherwise.
    private static func string(_ text: String, printable: Bool, into coder: inout DER.Serializer) throws {
        let bytes = Array(text.utf8)
        if printable, let printableString = try? ASN1PrintableString(contentBytes: bytes[...]) {
            try coder.serialize(printableString)
        } else {
            try coder.serialize(ASN1UTF8String(contentBytes: bytes[...]))
        }
    }
}
