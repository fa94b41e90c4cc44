import Testing
@testable import CCCDIdentity

@Suite("CCCD QR payload variants")
struct CitizenQRParsingTests {
    @Test("2021 layout: 7 fields, old ID present")
    func layout2021() throws {
        let qr = try Fixtures.citizen(Fixtures.mau2021)
        #expect(qr.personalID.digits == "001190000123")
        #expect(qr.oldIDNumber == "012345678")
        #expect(qr.fullName == "Nguyễn Thị Mẫu")
        #expect(qr.dateOfBirth == Fixtures.date(1990, 3, 15))
        #expect(qr.sex == .female)
        #expect(qr.address == "Số 1 phố Ví Dụ, Phường Mẫu, Quận Thử, Hà Nội")
        #expect(qr.issueDate == Fixtures.date(2021, 7, 1))
        #expect(qr.layout == .cccd2021)
        #expect(qr.extraFields.isEmpty)
        #expect(qr.warnings.isEmpty)
        #expect(qr.birthRegistration == .province(code: 1, name: "Hà Nội"))
    }

    @Test("2024 layout: 11 fields with trailing empty fields, empty old ID")
    func layout2024() throws {
        let qr = try Fixtures.citizen(Fixtures.thu2024)
        #expect(qr.layout == .canCuoc2024)
        #expect(qr.layout.name == "canCuoc2024")
        #expect(qr.oldIDNumber == nil)
        #expect(qr.extraFields == ["", "", "", ""])
        #expect(qr.warnings.isEmpty)
        #expect(qr.sex == .male)
        #expect(qr.dateOfBirth == Fixtures.date(2005, 11, 20))
    }

    @Test("An issue date after today is refused once today is known; issued today passes")
    func issuedInTheFuture() throws {
        let qr = try Fixtures.citizen(Fixtures.mau2021)  // issued 01/07/2021
        try qr.checkDates(asOf: Fixtures.date(2021, 7, 1))
        #expect(throws: QRPayloadError.issuedInFuture) { try qr.checkDates(asOf: Fixtures.date(2021, 6, 30)) }
        #expect(QRPayloadError.issuedInFuture.code == "qr.crossCheck.issuedInFuture")
    }

    @Test("Old ID may be 12 digits")
    func twelveDigitOldID() throws {
        let qr = try Fixtures.citizen(Fixtures.mau(replacing: 1, with: "001190000999"))
        #expect(qr.oldIDNumber == "001190000999")
    }

    @Test("Extra non-empty trailing fields are kept raw, with a warning")
    func extraFields() throws {
        let qr = try Fixtures.citizen(Fixtures.thu2024.replacingOccurrences(of: "||||", with: "||Con: Trần Văn Bé||x"))
        #expect(qr.extraFields == ["", "Con: Trần Văn Bé", "", "x"])
        #expect(qr.warnings == [.unrecognisedExtraFields(indices: [8, 10])])
        #expect(qr.layout == .canCuoc2024)
    }

    @Test("Other field counts ≥ 8 are accepted as their own layout")
    func otherCounts() throws {
        let qr = try Fixtures.citizen(Fixtures.mau2021 + "|")
        #expect(qr.layout == .other(fieldCount: 8))
        #expect(qr.layout.name == "fields8")
        let thirteen = try Fixtures.citizen(Fixtures.thu2024 + "||")
        #expect(thirteen.extraFields.count == 6)
    }

    @Test("Decomposed (NFD) text is normalised to NFC")
    func nfc() throws {
        let decomposed = Fixtures.mau2021.decomposedStringWithCanonicalMapping
        #expect(Array(decomposed.utf8) != Array(Fixtures.mau2021.utf8))
        let qr = try Fixtures.citizen(bytes: Array(decomposed.utf8))
        #expect(Array(qr.fullName.utf8) == Array("Nguyễn Thị Mẫu".precomposedStringWithCanonicalMapping.utf8))
        #expect(qr.sex == .female)
        #expect(Array(qr.address.unicodeScalars).count
            == Array("Số 1 phố Ví Dụ, Phường Mẫu, Quận Thử, Hà Nội".unicodeScalars).count)
    }

    @Test("Surrounding whitespace, CR/LF and a UTF-8 BOM are ignored", arguments: [
        "\r\n", "\n", "\r", "  ", "\t", "\0",
    ])
    func surroundings(suffix: String) throws {
        let bytes = [0xEF, 0xBB, 0xBF] + Array((" " + Fixtures.mau2021 + suffix).utf8)
        #expect(try Fixtures.citizen(bytes: bytes) == Fixtures.citizen(Fixtures.mau2021))
    }

    @Test("A BOM after leading whitespace is trimmed too")
    func bomAfterWhitespace() throws {
        let bytes = Array((" \u{FEFF}" + Fixtures.mau2021 + "\u{FEFF}\n").utf8)
        #expect(try Fixtures.citizen(bytes: bytes) == Fixtures.citizen(Fixtures.mau2021))
    }

    @Test("Fields are trimmed")
    func fieldTrim() throws {
        let padded = Fixtures.mau2021.replacingOccurrences(of: "|", with: " | ")
        #expect(try Fixtures.citizen(padded) == Fixtures.citizen(Fixtures.mau2021))
    }

    @Test("The String and byte entry points agree")
    func entryPoints() throws {
        #expect(try ScannedQR.parse(Fixtures.thu2024) == ScannedQR.parse(bytes: Array(Fixtures.thu2024.utf8)))
    }

    @Test("Unknown province is a warning, never an error")
    func unknownProvince() throws {
        let qr = try Fixtures.citizen(Fixtures.mau(replacing: 0, with: "097190000123"))
        #expect(qr.warnings == [.unknownBirthRegistrationCode(97)])
        #expect(qr.warnings.first?.code == "qr.warning.unknownProvince")
    }

    @Test("Every warning has a distinct code and a message in both languages")
    func warningTexts() {
        let warnings: [QRWarning] = [
            .unknownBirthRegistrationCode(97), .unrecognisedExtraFields(indices: [7, 9]), .missingAddress,
            .unreadableBHYTField(index: 6), .unknownBHYTSexCode,
        ]
        #expect(Set(warnings.map(\.code)).count == warnings.count)
        #expect(warnings.allSatisfy { $0.code.hasPrefix("qr.warning.") && !$0.message.vi.isEmpty && !$0.message.en.isEmpty })
        #expect(QRWarning.unrecognisedExtraFields(indices: [7, 9]).message.en.contains("field 7, 9"))
        #expect(!QRWarning.unknownBirthRegistrationCode(97).message.en.contains("97"))
    }

    @Test("ScannedQR exposes the card's warnings")
    func scannedWarnings() throws {
        #expect(try ScannedQR.parse(Fixtures.mau(replacing: 5, with: "")).warnings == [.missingAddress])
    }

    @Test("Births abroad are not warnings")
    func abroad() throws {
        let qr = try Fixtures.citizen(Fixtures.mau(replacing: 0, with: "201190000123"))
        #expect(qr.birthRegistration == .abroad(countryCode: 201))
        #expect(qr.warnings.isEmpty)
    }

    @Test("Empty residence is accepted with a warning")
    func missingAddress() throws {
        let qr = try Fixtures.citizen(Fixtures.mau(replacing: 5, with: ""))
        #expect(qr.address.isEmpty)
        #expect(qr.warnings == [.missingAddress])
    }

    @Test("payloadText re-creates the payload")
    func payloadText() throws {
        #expect(try Fixtures.citizen(Fixtures.mau2021).payloadText == Fixtures.mau2021)
        #expect(try Fixtures.citizen(Fixtures.thu2024).payloadText == Fixtures.thu2024)
    }

    @Test("The validating initialiser applies the parser's rules")
    func validatingInit() throws {
        let id = try #require(PersonalID("001190000123"))
        let qr = try CitizenQR(personalID: id, fullName: "Nguyễn Thị Mẫu", dateOfBirth: Fixtures.date(1990, 3, 15),
                               sex: .female, address: "Hà Nội", issueDate: Fixtures.date(2021, 7, 1))
        #expect(qr.layout == .cccd2021)
        #expect(throws: QRPayloadError.self) {
            try CitizenQR(personalID: id, fullName: "Nguyễn Văn Mẫu", dateOfBirth: Fixtures.date(1990, 3, 15),
                          sex: .male, address: "Hà Nội", issueDate: Fixtures.date(2021, 7, 1))
        }
    }
}

import Foundation
