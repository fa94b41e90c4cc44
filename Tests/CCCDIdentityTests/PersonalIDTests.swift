import Testing
@testable import CCCDIdentity

@Suite("Personal ID number")
struct PersonalIDTests {
    @Test("Decodes PPP G YY NNNNNN")
    func layout() throws {
        let id = try #require(PersonalID("001190000123"))
        #expect(id.registrationCode == 1)
        #expect(id.birthRegistration == .province(code: 1, name: "Hà Nội"))
        #expect(id.centuryDigit == 1)
        #expect(id.sex == .female)
        #expect(id.birthYear == 1990)
        #expect(id.serial == "000123")
        #expect(id.cardAccessNumber.digits == "000123")
        #expect(id.bacDocumentNumber == "190000123")
    }

    @Test("Century digit: 1900 + 100·⌊G/2⌋, even male, odd female", arguments: [
        (0, 1900, Sex.male), (1, 1900, .female), (2, 2000, .male), (3, 2000, .female),
        (4, 2100, .male), (5, 2100, .female), (6, 2200, .male), (7, 2200, .female),
        (8, 2300, .male), (9, 2300, .female),
    ])
    func century(digit: Int, century: Int, sex: Sex) throws {
        let id = try #require(PersonalID("079\(digit)05000456"))
        #expect(id.birthYear == century + 5)
        #expect(id.sex == sex)
    }

    @Test("Rejects anything but 12 ASCII digits", arguments: [
        "00119000012", "0011900001234", "00119000012a", "001 90000123", "", "０01190000123", "012345678",
    ])
    func rejects(text: String) {
        #expect(PersonalID(text) == nil)
    }

    @Test("Province table: 63 provinces, names in Vietnamese, spec examples")
    func provinces() {
        #expect(ProvinceTable.codes.count == 63)
        #expect(ProvinceTable.codes.allSatisfy { (1...96).contains($0) })
        #expect(BirthRegistration(code: 6) == .province(code: 6, name: "Bắc Kạn"))
        #expect(BirthRegistration(code: 24) == .province(code: 24, name: "Bắc Giang"))
        #expect(BirthRegistration(code: 79) == .province(code: 79, name: "Thành phố Hồ Chí Minh"))
        #expect(BirthRegistration(code: 96) == .province(code: 96, name: "Cà Mau"))
    }

    @Test("Codes 101–295 are births abroad; others unknown", arguments: [
        (101, "abroad"), (295, "abroad"), (200, "abroad"), (0, "unknown"), (3, "unknown"),
        (97, "unknown"), (100, "unknown"), (296, "unknown"), (999, "unknown"),
    ])
    func registrationKinds(code: Int, kind: String) {
        let registration = BirthRegistration(code: code)
        switch registration {
        case .abroad(let country): #expect(kind == "abroad" && country == code)
        case .unknown(let unknown): #expect(kind == "unknown" && unknown == code)
        case .province: Issue.record("\(code) is not a province")
        }
        #expect(registration.codeText.count == 3)
    }

    @Test("Cross-check finds birth-year and sex mismatches")
    func crossCheck() throws {
        let id = try #require(PersonalID("001190000123"))
        #expect(id.crossCheck(dateOfBirth: Fixtures.date(1990, 3, 15), sex: .female).isEmpty)
        #expect(id.crossCheck(dateOfBirth: Fixtures.date(1991, 3, 15), sex: .female)
            == [.birthYear(encoded: 1990, stated: 1991)])
        #expect(id.crossCheck(dateOfBirth: Fixtures.date(2090, 3, 15), sex: .male)
            == [.birthYear(encoded: 1990, stated: 2090), .sex(encoded: .female, stated: .male)])
    }

    @Test("Codable as the validated 12-digit string")
    func codable() throws {
        let id = try #require(PersonalID("079205000456"))
        let data = try JSONEncoder().encode([id])
        #expect(String(decoding: data, as: UTF8.self) == "[\"079205000456\"]")
        #expect(try JSONDecoder().decode([PersonalID].self, from: data) == [id])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([PersonalID].self, from: Data("[\"07920500045x\"]".utf8))
        }
    }

    @Test("Never prints the number")
    func redacted() throws {
        let id = try #require(PersonalID("001190000123"))
        #expect(!"\(id)".contains("190000123"))
        #expect(!"\(id.cardAccessNumber)".contains("000123"))
    }

    @Test("Sex reads Nam/Nữ canonically")
    func sexText() {
        #expect(Sex(qrText: "Nam") == .male)
        #expect(Sex(qrText: "Nữ") == .female)
        #expect(Sex(qrText: "Nu\u{31B}\u{303}") == .female)  // decomposed ữ
        #expect(Sex(qrText: "Nu") == nil)
        #expect(Sex(qrText: "nam") == nil)
        #expect(Sex.female.mrzCharacter == "F")
    }
}

import Foundation
