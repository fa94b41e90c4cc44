import CCCDIdentity
import Eligibility
import Testing

@Suite struct QueryTests {
    @Test func subjectsAreRecognisedByShape() throws {
        #expect(try LookupSubject(parsing: "001190000123") == .personalID(PersonalID("001190000123")!))
        #expect(try LookupSubject(parsing: "0190000123") == .card(BHYTCardCode("0190000123")!))
        #expect(try LookupSubject(parsing: "GD4010190000123") == .card(BHYTCardCode("GD4010190000123")!))
    }

    @Test(arguments: ["", "00119000012", "gd4010190000123", "GD40101900001234", "0011900001２3"])
    func malformedSubjectsAreRejectedWithACode(text: String) {
        #expect(throws: EligibilityInputError(.malformedSubject, diagnostic: text)) { try LookupSubject(parsing: text) }
    }

    @Test func namesAreTrimmedAndNormalised() throws {
        let decomposed = "Nguye\u{0302}\u{0303}n  Thi\u{0323}   Ma\u{0302}\u{0303}u "
        let query = try EligibilityQuery(subject: .personalID(PersonalID("001190000123")!), fullName: decomposed,
                                         birthDate: .yearOnly(1990), visitDate: Fixture.today)
        #expect(query.fullName == "Nguyễn Thị Mẫu")
        #expect(throws: EligibilityInputError(.emptyName)) {
            try EligibilityQuery(subject: .personalID(PersonalID("001190000123")!), fullName: "  ",
                                 birthDate: .yearOnly(1990), visitDate: Fixture.today)
        }
    }

    @Test func identifiersNeverPrintTheirDigits() {
        #expect(!"\(BHYTCardCode("GD4010190000123")!)".contains("0190000123"))
    }
}
