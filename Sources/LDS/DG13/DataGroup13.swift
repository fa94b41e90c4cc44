import ChipProtocol
public import CCCDIdentity
import SwiftASN1

/// DG13 of Vietnamese cards (cccd.md §4), parsed with a real BER parser.
///
/// ```
/// 6D L
///    30 L
///       02 01 01                     version
///       06 06 28 D3 16 01 00 08      character set: UTF-8
///       31 L                         the fields, each 30 L { 02 01 n  <value…> }
/// ```
/// Fields are looked up by number, never by position; any may be absent; long-form lengths are
/// ordinary BER. A field element placed directly in the outer SEQUENCE (no SET) is accepted too.
public struct DataGroup13: Sendable, Hashable {
    public let citizen: VietnameseCitizenData
    /// The version INTEGER (1 on known cards), nil when absent.
    public let version: Int?
    /// The character-set OID in dotted form (`1.0.10646.1.0.8`), nil when absent.
    public let characterSet: String?
    /// The file exactly as read.
    public let encoded: [UInt8]

    public init(encoded bytes: [UInt8]) throws(LDSError) {
        let value = try ASN1Parsing.fileValue(bytes, file: .dataGroup(.dg13), reason: .malformedDG13)
        var version: Int?
        var characterSet: String?
        var fields: [Int: DG13FieldElement] = [:]
        var order: [Int] = []
        try ASN1Parsing.parse(.malformedDG13) {
            for child in try ASN1Parsing.children(of: BER.parse(value), .sequence) {
                if child.identifier == .integer, version == nil, fields.isEmpty {
                    version = try Int(berEncoded: child)
                } else if child.identifier == .objectIdentifier {
                    characterSet = try ASN1ObjectIdentifier(berEncoded: child).description
                } else if let field = try DG13FieldElement(parsing: child) {
                    try DataGroup13.add(field, to: &fields, order: &order)
                } else {
                    for element in try ASN1Parsing.children(of: child) {
                        guard let field = try DG13FieldElement(parsing: element) else {
                            throw ASN1Error.invalidASN1Object(reason: "a DG13 field is not SEQUENCE { INTEGER, … }")
                        }
                        try DataGroup13.add(field, to: &fields, order: &order)
                    }
                }
            }
        }
        self.citizen = try VietnameseCitizenData(fields: fields, order: order)
        self.version = version
        self.characterSet = characterSet
        self.encoded = bytes
    }

    private static func add(_ field: DG13FieldElement, to fields: inout [Int: DG13FieldElement], order: inout [Int]) throws(LDSError) {
        guard fields[field.number] == nil else {
            throw LDSError(.duplicateDG13Field, diagnostic: "field \(field.number)")
        }
        fields[field.number] = field
        order.append(field.number)
    }
}

extension VietnameseCitizenData {
    /// Interprets the fields by number; `order` keeps unknown fields in file order.
    init(fields: [Int: DG13FieldElement], order: [Int]) throws(LDSError) {
        self.init()
        func text(_ number: Int) throws(LDSError) -> String? { try fields[number]?.singleText() }
        func typed<T>(_ number: Int, _ convert: (String) -> T?) throws(LDSError) -> T? {
            guard let raw = try text(number) else { return nil }
            guard let value = convert(raw) else {
                throw LDSError(.invalidDG13Field, diagnostic: "field \(number) does not have its expected form")
            }
            return value
        }
        idNumber = try typed(1) { PersonalID($0) }
        fullName = try text(2)
        if let birth = try text(3), DG13Text.isPartialDate(birth) {
            partialDateOfBirth = birth
        } else {
            dateOfBirth = try typed(3, DG13Text.date)
        }
        sex = try typed(4, DG13Text.sex)
        nationality = try text(5)
        ethnicity = try text(6)
        religion = try text(7)
        placeOfOrigin = try text(8)
        placeOfResidence = try text(9)
        identifyingMarks = try text(10)
        issueDate = try typed(11, DG13Text.date)
        expiry = try text(12).map(CardValidity.init(chipText:))
        let parents = try fields[13]?.slots() ?? []
        fatherName = parents.first ?? nil
        motherName = parents.count > 1 ? parents[1] : nil
        spouseName = try fields[14]?.slots().first ?? nil
        var unknown: [DG13RawField] = []
        if let old = fields[15]?.raw() {
            let texts = old.texts.filter { !$0.isEmpty }
            if texts.count == 1, let value = texts.first, [9, 12].contains(value.utf8.count),
               value.utf8.allSatisfy({ (0x30...0x39).contains($0) }) {
                oldIdNumber = value
            } else if !texts.isEmpty {
                unknown.append(old)
            }
        }
        field16Raw = fields[16]?.raw()
        for number in order where !(1...16).contains(number) {
            if let field = fields[number] { unknown.append(field.raw()) }
        }
        unknownFields = unknown
    }
}
