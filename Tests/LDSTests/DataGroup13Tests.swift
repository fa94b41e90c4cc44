import CCCDIdentity
import ChipProtocol
import LDS
import Testing

@Suite struct DataGroup13Tests {
    typealias F = DG13Fixture

    @Test func everyDocumentedFieldByNumber() throws {
        let group = try DataGroup13(encoded: F.file(F.parentsInOneSequence))
        let citizen = group.citizen
        #expect(group.version == 1)
        #expect(group.characterSet == "1.0.10646.1.0.8")
        #expect(citizen.idNumber == PersonalID("001190000123"))
        #expect(citizen.fullName == "Nguyễn Thị Mẫu")
        #expect(citizen.dateOfBirth == CivilDate(year: 1990, month: 3, day: 15))
        #expect(citizen.sex == .female)
        #expect(citizen.nationality == "Việt Nam")
        #expect(citizen.ethnicity == "Kinh")
        #expect(citizen.religion == "Không")
        #expect(citizen.placeOfOrigin == "Xã Mẫu, Huyện Thử, Hà Nội")
        #expect(citizen.placeOfResidence == "Số 1 phố Ví Dụ, Phường Mẫu, Quận Thử, Hà Nội")
        #expect(citizen.identifyingMarks == "Nốt ruồi C:1cm trên trước mép trái")
        #expect(citizen.issueDate == CivilDate(year: 2021, month: 7, day: 1))
        #expect(citizen.expiry == .until(try #require(CivilDate(year: 2030, month: 3, day: 15))))
        #expect(citizen.fatherName == "Nguyễn Văn Bố")
        #expect(citizen.motherName == "Trần Thị Mẹ")
        #expect(citizen.spouseName == nil)
        #expect(citizen.oldIdNumber == "012345678")
        #expect(citizen.field16Raw?.texts == ["ABCDEF0123456789"])
        #expect(citizen.field16Raw?.encoded == F.field(16, F.printable("ABCDEF0123456789")))
        #expect(citizen.unknownFields.isEmpty)
    }

    @Test func parentsInOneSequencePerParent() throws {
        var fields = F.parentsInOneSequence
        fields[12] = F.field(13, F.sequence(F.utf8("Lê Văn Cha")), F.sequence(F.utf8("Phạm Thị Má")))
        let citizen = try DataGroup13(encoded: F.file(fields)).citizen
        #expect(citizen.fatherName == "Lê Văn Cha")
        #expect(citizen.motherName == "Phạm Thị Má")
    }

    @Test func anEmptyParentSlotKeepsTheOtherInItsPlace() throws {
        for parents in [F.field(13, F.sequence(F.utf8(""), F.utf8("Trần Thị Mẹ"))),
                        F.field(13, F.sequence(), F.sequence(F.utf8("Trần Thị Mẹ")))] {
            let citizen = try DataGroup13(encoded: F.file([parents])).citizen
            #expect(citizen.fatherName == nil)
            #expect(citizen.motherName == "Trần Thị Mẹ")
        }
    }

    @Test func spouseNoneAndPresent() throws {
        let none = try DataGroup13(encoded: F.file([hex("30 03 02 01 0E")])).citizen
        #expect(none.spouseName == nil)
        let married = try DataGroup13(encoded: F.file([F.field(14, F.sequence(F.utf8("Hoàng Văn Chồng")))])).citizen
        #expect(married.spouseName == "Hoàng Văn Chồng")
    }

    @Test func missingFieldsAreAbsent() throws {
        let citizen = try DataGroup13(encoded: F.file([F.field(1, F.printable("079205000456"))])).citizen
        #expect(citizen.idNumber == PersonalID("079205000456"))
        #expect(citizen == VietnameseCitizenData(idNumber: PersonalID("079205000456")))
        let empty = try DataGroup13(encoded: F.file([])).citizen
        #expect(empty == VietnameseCitizenData())
    }

    @Test func longFormLengthsAtEveryLevel() throws {
        let address = String(repeating: "Số 12 đường Giả Định, ", count: 20)  // > 255 bytes: 82 xx xx
        let fields = [F.field(9, F.utf8(address)), F.field(2, F.utf8("Trần Văn Thử"))]
        let citizen = try DataGroup13(encoded: F.file(fields)).citizen
        #expect(citizen.placeOfResidence == address.trimmingCharacters(in: .whitespaces))
        #expect(citizen.fullName == "Trần Văn Thử")
        // Non-minimal long forms (81 0C for 12 bytes), which BER allows and DER does not.
        let nonMinimal = hex("6D 81 1E 30 81 1B 02 01 01 31 81 15 30 81 12 02 01 01 13 81 0C") + Array("001190000123".utf8)
        #expect(try DataGroup13(encoded: nonMinimal).citizen.idNumber == PersonalID("001190000123"))
    }

    @Test func unknownFieldsAreKeptRawInFileOrder() throws {
        let twenty = F.field(20, F.utf8("giá trị mới"))
        let seventeen = F.field(17, hex("02 02 01 00"), F.printable("X"))
        let citizen = try DataGroup13(encoded: F.file([twenty, F.field(2, F.utf8("Trần Văn Thử")), seventeen])).citizen
        #expect(citizen.unknownFields.map(\.number) == [20, 17])
        #expect(citizen.unknownFields[0].texts == ["giá trị mới"])
        #expect(citizen.unknownFields[0].encoded == twenty)
        #expect(citizen.unknownFields[1].texts == ["X"])
        #expect(citizen.unknownFields[1].encoded == seventeen)
    }

    @Test func oldIDOfTwelveDigitsAndOfAnUnexpectedShape() throws {
        #expect(try DataGroup13(encoded: F.file([F.field(15, F.printable("001090000999"))])).citizen.oldIdNumber == "001090000999")
        let odd = try DataGroup13(encoded: F.file([F.field(15, F.printable("B1234567"))])).citizen
        #expect(odd.oldIdNumber == nil)
        #expect(odd.unknownFields.map(\.number) == [15])
        #expect(try DataGroup13(encoded: F.file([F.field(15)])).citizen == VietnameseCitizenData())
    }

    @Test func expiryWordings() throws {
        func expiry(_ text: String) throws -> CardValidity? {
            try DataGroup13(encoded: F.file([F.field(12, F.utf8(text))])).citizen.expiry
        }
        #expect(try expiry("Không thời hạn") == .noExpiry(text: "Không thời hạn"))
        #expect(try expiry("KHÔNG THỜI HẠN")?.cardExpiry == .never)
        #expect(try expiry("Không thời hạn".decomposedStringWithCanonicalMapping)?.cardExpiry == .never)
        #expect(try expiry("31/12/2099")?.cardExpiry == .on(try #require(CivilDate(year: 2099, month: 12, day: 31))))
        #expect(try expiry("sometime") == .unrecognized("sometime"))
        #expect(try expiry("sometime")?.cardExpiry == nil)
    }

    @Test(arguments: [("Nam", Sex.male), ("NAM", .male), ("Nữ", .female), ("NỮ", .female), ("Nữ".decomposedStringWithCanonicalMapping, .female)])
    func sexInAnyLetterCase(text: String, sex: Sex) throws {
        #expect(try DataGroup13(encoded: F.file([F.field(4, F.utf8(text))])).citizen.sex == sex)
    }

    @Test func decomposedTextIsNormalisedToNFC() throws {
        let name = "Nguyễn Thị Mẫu"
        let citizen = try DataGroup13(encoded: F.file([F.field(2, F.utf8(name.decomposedStringWithCanonicalMapping))])).citizen
        #expect(citizen.fullName.map { Array($0.utf8) } == Array(name.precomposedStringWithCanonicalMapping.utf8))
    }

    @Test func otherStringTypesAndFieldsOutsideTheSet() throws {
        // BMPString (UTF-16BE) name, and a field placed directly in the outer SEQUENCE.
        let bmp = TLV(tag: 0x1E, value: Array("Lý Thị Bé".utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }).encoded
        let body = hex("02 01 01") + F.field(2, bmp) + F.field(4, F.utf8("Nam"))
        let citizen = try DataGroup13(encoded: TLV(tag: 0x6D, value: TLV(tag: 0x30, value: body).encoded).encoded).citizen
        #expect(citizen.fullName == "Lý Thị Bé")
        #expect(citizen.sex == .male)
    }

    @Test(arguments: ["1945", "00/00/1945", "00/03/1945"])
    func aBirthDateKnownOnlyInPart(text: String) throws {
        let citizen = try DataGroup13(encoded: F.file([F.field(3, F.printable(text))])).citizen
        #expect(citizen.dateOfBirth == nil)
        #expect(citizen.partialDateOfBirth == text)
        #expect(try DataGroup13(encoded: DataGroup13.encode(citizen)).citizen == citizen)
    }

    @Test(arguments: [
        (3, "1990-03-15"), (3, "00/13/1945"), (3, "15/00/1945"), (3, "194"), (3, "31/02/1990"), (11, "01/13/2021"), (4, "Female"), (1, "00119000012"), (1, "0011900001234"),
    ])
    func malformedKnownFieldsAreTypedErrors(number: Int, text: String) throws {
        let error = #expect(throws: LDSError.self) { try DataGroup13(encoded: F.file([F.field(number, F.utf8(text))])) }
        #expect(error?.reason == .invalidDG13Field)
        #expect(error?.diagnostic?.contains(text) == false, "diagnostics name the field, not the personal data")
    }

    @Test func twoStringsInAOneStringFieldAreRefused() throws {
        let error = #expect(throws: LDSError.self) {
            try DataGroup13(encoded: F.file([F.field(2, F.utf8("Một"), F.utf8("Hai"))]))
        }
        #expect(error?.reason == .invalidDG13Field)
    }

    @Test func duplicateFieldNumbersAreRefused() throws {
        let error = #expect(throws: LDSError.self) {
            try DataGroup13(encoded: F.file([F.field(2, F.utf8("Một")), F.field(2, F.utf8("Hai"))]))
        }
        #expect(error?.reason == .duplicateDG13Field)
    }

    @Test func nonTextInAKnownFieldIsRefused() throws {
        let error = #expect(throws: LDSError.self) { try DataGroup13(encoded: F.file([F.field(2, hex("04 02 AB CD"))])) }
        #expect(error?.reason == .invalidDG13Field)
    }

    @Test func everyTruncationIsATypedError() throws {
        let file = F.file(F.parentsInOneSequence)
        for length in 0..<file.count {
            #expect(throws: LDSError.self, "truncated to \(length)") { try DataGroup13(encoded: Array(file.prefix(length))) }
        }
    }

    @Test(arguments: [
        "6D 84 FF FF FF FF 30 00",                      // file length beyond the input
        "6D 06 30 84 7F FF FF FF",                      // SEQUENCE length beyond the file
        "6D 08 30 06 31 04 30 84 FF FF FF FF",          // field length beyond its SET
        "6D 05 30 03 31 01 30",                         // field header cut
        "6D 02 30 80",                                  // indefinite length with no end
        "6D 07 30 05 31 03 02 01 01",                   // a SET element that is not a field
        "6E 02 30 00",                                  // another file's tag
        "6D 02 30 00 00",                               // trailing byte after the file
    ])
    func hostileStructuresAreTypedErrors(bytes: String) throws {
        #expect(throws: LDSError.self) { try DataGroup13(encoded: hex(bytes)) }
    }
}
