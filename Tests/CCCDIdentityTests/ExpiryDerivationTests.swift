import Testing
@testable import CCCDIdentity

@Suite("Card expiry derivation")
struct ExpiryDerivationTests {
    private func derive(_ birth: CivilDate, _ issue: CivilDate) -> ExpiryDerivation {
        ExpiryDerivation(dateOfBirth: birth, issueDate: issue)
    }

    @Test("Law chosen by issue date, switching on 1 July 2024")
    func law() {
        #expect(CardLaw(issueDate: Fixtures.date(2024, 6, 30)) == .citizenIdentification2014)
        #expect(CardLaw(issueDate: Fixtures.date(2024, 7, 1)) == .identification2023)
        #expect(CardLaw.citizenIdentification2014.renewalAges == [25, 40, 60])
        #expect(CardLaw.identification2023.renewalAges == [14, 25, 40, 60])
    }

    @Test("Spec samples: 2030-03-15 and 2030-11-20")
    func specSamples() throws {
        let mau = try Fixtures.citizen(Fixtures.mau2021).expiry
        #expect(mau.law == .citizenIdentification2014)
        #expect(mau.renewalAge == 40)
        #expect(mau.expiry == .on(Fixtures.date(2030, 3, 15)))
        #expect(!mau.twoYearRuleApplied)
        let thu = try Fixtures.citizen(Fixtures.thu2024).expiry
        #expect(thu.law == .identification2023)
        #expect(thu.expiry == .on(Fixtures.date(2030, 11, 20)))
    }

    @Test("Law 2014 thresholds 25/40/60", arguments: [
        // (birth year, issue year, expected expiry year or nil for never)
        (2000, 2021, 2025 as Int?), (1985, 2021, 2025), (1970, 2021, 2030), (1965, 2021, 2025),
        (1990, 2016, 2015 + 15), (1975, 2020, 2035),
    ])
    func law2014(birthYear: Int, issueYear: Int, expiryYear: Int?) {
        let result = derive(Fixtures.date(birthYear, 5, 10), Fixtures.date(issueYear, 1, 20))
        #expect(result.law == .citizenIdentification2014)
        #expect(result.expiry == expiryYear.map { .on(Fixtures.date($0, 5, 10)) } ?? .never)
    }

    @Test("Law 2023 adds the age-14 renewal")
    func law2023() {
        let child = derive(Fixtures.date(2015, 5, 10), Fixtures.date(2024, 9, 1))
        #expect(child.renewalAge == 14)
        #expect(child.expiry == .on(Fixtures.date(2029, 5, 10)))
        let sameChild2014 = derive(Fixtures.date(2015, 5, 10), Fixtures.date(2024, 6, 1))
        #expect(sameChild2014.renewalAge == 25)
    }

    @Test("2-year rule: issued within 2 years before a renewal age runs to the next one")
    func twoYearRule() {
        let birth = Fixtures.date(1990, 3, 15)
        // Issued exactly 2 years before the 25th birthday: inside the window.
        let boundary = derive(birth, Fixtures.date(2013, 3, 15))
        #expect(boundary.twoYearRuleApplied)
        #expect(boundary.expiry == .on(Fixtures.date(2030, 3, 15)))
        // One day earlier: outside, expires at 25.
        let before = derive(birth, Fixtures.date(2013, 3, 14))
        #expect(!before.twoYearRuleApplied)
        #expect(before.expiry == .on(Fixtures.date(2015, 3, 15)))
        // Law 2023: issued at 12 runs to 25.
        let child = derive(Fixtures.date(2012, 8, 1), Fixtures.date(2024, 8, 1))
        #expect(child.twoYearRuleApplied && child.renewalAge == 25)
        // Issued at 39 runs to 60.
        let late = derive(birth, Fixtures.date(2029, 6, 1))
        #expect(late.expiry == .on(Fixtures.date(2050, 3, 15)))
    }

    @Test("Issued on the renewal birthday itself runs to the next age")
    func onBirthday() {
        let result = derive(Fixtures.date(1990, 3, 15), Fixtures.date(2015, 3, 15))
        #expect(result.renewalAge == 40)
    }

    @Test("Issued at 58 or older never expires (991231)", arguments: [
        Fixtures.date(2018, 3, 15), Fixtures.date(2020, 1, 1), Fixtures.date(2024, 12, 1), Fixtures.date(2035, 3, 15),
    ])
    func noExpiry(issue: CivilDate) {
        let result = derive(Fixtures.date(1960, 3, 15), issue)
        #expect(result.expiry == .never)
        #expect(result.renewalAge == nil)
        #expect(result.expiry.mrzText == "991231")
        #expect(result.expiry.jsonText == "noExpiry")
    }

    @Test("Issued at 57 years and 364 days expires at 60")
    func justBefore58() {
        let result = derive(Fixtures.date(1960, 3, 15), Fixtures.date(2018, 3, 14))
        #expect(result.expiry == .on(Fixtures.date(2020, 3, 15)))
    }

    @Test("Candidates: derived, day after, day before, other side of the 2-year rule, 991231")
    func candidates() throws {
        let mau = try Fixtures.citizen(Fixtures.mau2021).expiry
        #expect(mau.candidates == [
            .on(Fixtures.date(2030, 3, 15)), .on(Fixtures.date(2030, 3, 16)), .on(Fixtures.date(2030, 3, 14)),
            .on(Fixtures.date(2050, 3, 15)), .never,
        ])
        let boundary = derive(Fixtures.date(1990, 3, 15), Fixtures.date(2013, 3, 15))
        #expect(boundary.candidates == [
            .on(Fixtures.date(2030, 3, 15)), .on(Fixtures.date(2030, 3, 16)), .on(Fixtures.date(2030, 3, 14)),
            .on(Fixtures.date(2015, 3, 15)), .never,
        ])
    }

    @Test("Candidates without duplicates when the card never expires")
    func candidatesNever() {
        let old = derive(Fixtures.date(1950, 1, 1), Fixtures.date(2021, 1, 1))
        #expect(old.candidates == [.never])
        // Issued at 59: never expires, unless the 2-year window is read differently (then 60).
        let fiftyNine = derive(Fixtures.date(1962, 4, 2), Fixtures.date(2021, 6, 1))
        #expect(fiftyNine.candidates == [.never, .on(Fixtures.date(2022, 4, 2))])
        let nearly = derive(Fixtures.date(1963, 6, 1), Fixtures.date(2021, 1, 1))
        #expect(nearly.candidates == [
            .on(Fixtures.date(2023, 6, 1)), .on(Fixtures.date(2023, 6, 2)), .on(Fixtures.date(2023, 5, 31)), .never,
        ])
    }

    @Test("29 February birthdays: 28 February, then 1 March")
    func leapDay() {
        let result = derive(Fixtures.date(1996, 2, 29), Fixtures.date(2021, 5, 1))
        #expect(result.expiry == .on(Fixtures.date(2036, 2, 29)))  // 2036 is a leap year
        let nonLeap = derive(Fixtures.date(1992, 2, 29), Fixtures.date(2021, 5, 1))
        #expect(nonLeap.expiry == .on(Fixtures.date(2032, 2, 29)))
        let odd = derive(Fixtures.date(2000, 2, 29), Fixtures.date(2026, 5, 1))
        #expect(odd.expiry == .on(Fixtures.date(2040, 2, 29)))
        let twentyFive = derive(Fixtures.date(2000, 2, 29), Fixtures.date(2019, 5, 1))
        #expect(twentyFive.expiry == .on(Fixtures.date(2025, 2, 28)))
        #expect(Array(twentyFive.candidates.prefix(3)) == [
            .on(Fixtures.date(2025, 2, 28)), .on(Fixtures.date(2025, 3, 1)), .on(Fixtures.date(2025, 2, 27)),
        ])
    }
}
