import Testing
@testable import CCCDIdentity

/// One test per error code, checking the code, that the message names the field, and that the
/// diagnostic (not the message) quotes the bad input.
@Suite("QR payload errors")
struct QRPayloadErrorTests {
    @Test("qr.field.notADate names the field and quotes the input only in the diagnostic")
    func notADate() throws {
        let error = try #require(Fixtures.error(Fixtures.mau(replacing: 3, with: "31022021")))
        #expect(error.code == "qr.field.notADate")
        #expect(error.message.en == "field 3 (date of birth) is not a valid date")
        #expect(error.message.vi == "trường 3 (ngày sinh) không phải ngày hợp lệ")
        #expect(error.diagnostic == "31022021")
        #expect(error.operatorText(in: .en) == "field 3 (date of birth) is not a valid date: 31022021")
        #expect(error.description == "qr.field.notADate: field 3 (date of birth) is not a valid date")
    }

    @Test("Issue date that is not a date")
    func issueDateNotADate() throws {
        let error = try #require(Fixtures.error(Fixtures.mau(replacing: 6, with: "2021-07-01")))
        #expect(error.kind == .notADate)
        #expect(error.message.en == "field 6 (issue date) is not a valid date")
    }

    @Test("Every error kind", arguments: [
        (" \r\n", QRPayloadError.Kind.empty),
        ("https://example.invalid/x", .unrecognised),
        ("hello|world", .unrecognised),
        ("001190000123|012345678|Nguyễn Thị Mẫu|15031990|Nữ|Hà Nội", .tooFewFields),
        ("00119000012|012345678|Nguyễn Thị Mẫu|15031990|Nữ|Hà Nội|01072021", .invalidIDNumber),
        (Fixtures.mau(replacing: 1, with: "01234567"), .invalidOldIDNumber),
        (Fixtures.mau(replacing: 1, with: "01234567x"), .invalidOldIDNumber),
        (Fixtures.mau(replacing: 2, with: ""), .missingField),
        (Fixtures.mau(replacing: 3, with: ""), .missingField),
        (Fixtures.mau(replacing: 4, with: ""), .missingField),
        (Fixtures.mau(replacing: 6, with: ""), .missingField),
        (Fixtures.mau(replacing: 3, with: "29022021"), .notADate),
        (Fixtures.mau(replacing: 4, with: "Nữ giới"), .invalidSex),
        (Fixtures.mau(replacing: 4, with: "Female"), .invalidSex),
        (Fixtures.mau(replacing: 4, with: "NAM"), .invalidSex),
        (Fixtures.mau(replacing: 2, with: "Nguyễn\u{7}Thị Mẫu"), .invalidText),
        (Fixtures.mau(replacing: 3, with: "15031991"), .birthYearMismatch),
        (Fixtures.mau(replacing: 3, with: "15032090"), .birthYearMismatch),
        (Fixtures.mau(replacing: 4, with: "Nam"), .sexMismatch),
        (Fixtures.mau(replacing: 6, with: "01011989"), .issuedBeforeBirth),
        ("001190000123\\012345678\\Nguyen Thi Mau\\15031990\\Nu\\Ha Noi\\01072021", .keyboardWedgeMangled),
        ("DN47979150123|4e67|01/01/1990|1", .unrecognised),
        ("DN479791501234X|4e67|01/01/1990|1", .invalidBHYTCardCode),
        ("dn4797915012345|4e67|01/01/1990|1", .unrecognised),
        ("0111077012|4e67|1990", .missingField),
        ("0111077012|4e67|31/02/1990|1", .notADate),
        ("0111077012|4g|01/01/1990|1", .notHexText),
        ("0111077012|ff|01/01/1990|1", .notHexText),
        ("0111077012|0a0b|01/01/1990|1", .notHexText),
    ])
    func kinds(payload: String, kind: QRPayloadError.Kind) throws {
        let error = try #require(Fixtures.error(payload))
        #expect(error.kind == kind)
        #expect(error.code == kind.rawValue)
        #expect(!error.message.vi.isEmpty && !error.message.en.isEmpty)
    }

    @Test("Invalid UTF-8 is its own error with the byte offset")
    func invalidUTF8() throws {
        var bytes = Array(Fixtures.mau2021.utf8)
        bytes[20] = 0xC3
        bytes[21] = 0x28
        let error = try #require(Fixtures.error(bytes: bytes))
        #expect(error.kind == .invalidUTF8)
        #expect(error.diagnostic == "byte 0xC3 at offset 20")
        let latin1 = try #require(Fixtures.error(bytes: [0xEF, 0xBB, 0xBF, 0x41, 0xE0, 0x41]))
        #expect(latin1.diagnostic == "byte 0xE0 at offset 4")
    }

    @Test("Empty input and a lone BOM are qr.empty")
    func empty() {
        #expect(Fixtures.error(bytes: [])?.kind == .empty)
        #expect(Fixtures.error(bytes: [0xEF, 0xBB, 0xBF, 0x0D, 0x0A])?.kind == .empty)
        #expect(Fixtures.error("")?.kind == .empty)
    }

    @Test("Too few fields reports the count")
    func tooFew() throws {
        let error = try #require(Fixtures.error("001190000123|x"))
        #expect(error.kind == .tooFewFields)
        #expect(error.diagnostic == "found 2 fields")
    }

    @Test("Cross-check messages carry no personal data; the diagnostic explains")
    func crossCheckMessages() throws {
        let error = try #require(Fixtures.error(Fixtures.mau(replacing: 3, with: "15031991")))
        #expect(!error.message.en.contains("1990") && !error.message.en.contains("1991"))
        #expect(error.diagnostic == "ID number encodes 1990, date of birth says 1991")
        let sex = try #require(Fixtures.error(Fixtures.mau(replacing: 4, with: "Nam")))
        #expect(sex.diagnostic == "ID number encodes female, sex field says male")
    }

    @Test("Diagnostics stay on one short line")
    func diagnosticsQuoted() throws {
        let error = try #require(Fixtures.error("line one\nline two " + String(repeating: "x", count: 200)))
        let diagnostic = try #require(error.diagnostic)
        #expect(!diagnostic.contains("\n"))
        #expect(diagnostic.contains("\\n"))
        #expect(diagnostic.count < 80)
        #expect(diagnostic.hasSuffix("…"))
    }
}
