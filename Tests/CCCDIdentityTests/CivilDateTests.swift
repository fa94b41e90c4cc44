import Testing
@testable import CCCDIdentity

@Suite("CivilDate")
struct CivilDateTests {
    @Test("Gregorian leap years", arguments: [
        (1900, false), (2000, true), (2023, false), (2024, true), (2100, false), (2400, true), (1996, true),
    ])
    func leapYears(year: Int, isLeap: Bool) {
        #expect(CivilDate.isLeapYear(year) == isLeap)
        #expect((CivilDate(year: year, month: 2, day: 29) != nil) == isLeap)
    }

    @Test("Impossible days are rejected")
    func impossibleDays() {
        #expect(CivilDate(year: 2021, month: 4, day: 31) == nil)
        #expect(CivilDate(year: 2021, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2021, month: 13, day: 1) == nil)
        #expect(CivilDate(year: 2021, month: 0, day: 1) == nil)
        #expect(CivilDate(year: 2021, month: 1, day: 0) == nil)
        #expect(CivilDate(year: 0, month: 1, day: 1) == nil)
        #expect(CivilDate(year: 2021, month: 12, day: 31) != nil)
    }

    @Test("Parses DDMMYYYY, dd/mm/yyyy and ISO, and prints them back")
    func parsing() throws {
        let date = try #require(CivilDate(compactDMY: "15031990"))
        #expect(date == Fixtures.date(1990, 3, 15))
        #expect(date.iso8601 == "1990-03-15")
        #expect(date.compactDMY == "15031990")
        #expect(date.slashedDMY == "15/03/1990")
        #expect(date.yymmdd == "900315")
        #expect(CivilDate(slashedDMY: "29/02/2024") == Fixtures.date(2024, 2, 29))
        #expect(CivilDate(iso8601: "2005-11-20") == Fixtures.date(2005, 11, 20))
    }

    @Test("Malformed date text is rejected", arguments: [
        "31022021", "1503199", "150319900", "15-03-1990", "1503199a", " 5031990", "", "٠١٠١٢٠٢٠",
    ])
    func malformedCompact(text: String) {
        #expect(CivilDate(compactDMY: text) == nil)
    }

    @Test("Malformed slashed and ISO text is rejected")
    func malformedOther() {
        #expect(CivilDate(slashedDMY: "15.03.1990") == nil)
        #expect(CivilDate(slashedDMY: "31/04/1990") == nil)
        #expect(CivilDate(iso8601: "1990/03/15") == nil)
        #expect(CivilDate(iso8601: "2023-02-29") == nil)
    }

    @Test("Comparison follows the calendar")
    func comparison() {
        #expect(Fixtures.date(1990, 3, 15) < Fixtures.date(1990, 3, 16))
        #expect(Fixtures.date(1990, 12, 31) < Fixtures.date(1991, 1, 1))
        #expect(Fixtures.date(1990, 2, 28) < Fixtures.date(1990, 10, 1))
    }

    @Test("Anniversaries: 29 February falls back to 28 February in non-leap years")
    func addingYears() {
        let leapDay = Fixtures.date(2004, 2, 29)
        #expect(leapDay.adding(years: 1) == Fixtures.date(2005, 2, 28))
        #expect(leapDay.adding(years: 4) == Fixtures.date(2008, 2, 29))
        #expect(leapDay.adding(years: 96) == Fixtures.date(2100, 2, 28))
        #expect(Fixtures.date(1990, 3, 15).adding(years: 40) == Fixtures.date(2030, 3, 15))
        #expect(Fixtures.date(9990, 1, 1).adding(years: 10) == nil)
    }

    @Test("Day arithmetic crosses months, years and leap days")
    func addingDays() {
        #expect(Fixtures.date(2024, 2, 28).adding(days: 1) == Fixtures.date(2024, 2, 29))
        #expect(Fixtures.date(2023, 2, 28).adding(days: 1) == Fixtures.date(2023, 3, 1))
        #expect(Fixtures.date(2024, 1, 1).adding(days: -1) == Fixtures.date(2023, 12, 31))
        #expect(Fixtures.date(1970, 1, 1).dayNumber == 0)
        #expect(Fixtures.date(2000, 3, 1).dayNumber - Fixtures.date(2000, 2, 28).dayNumber == 2)
    }

    @Test("Day numbers round-trip over four centuries")
    func dayNumberRoundTrip() {
        var date = Fixtures.date(1900, 1, 1)
        let end = Fixtures.date(2300, 1, 1).dayNumber
        var number = date.dayNumber
        while number < end {
            #expect(CivilDate(dayNumber: number) == date)
            number += 1
            date = CivilDate(dayNumber: number)!
        }
        #expect(date == Fixtures.date(2300, 1, 1))
    }

    @Test("Age counts completed years, 29 February birthdays complete on 28 February")
    func age() {
        let birth = Fixtures.date(1990, 3, 15)
        #expect(birth.age(on: Fixtures.date(2030, 3, 14)) == 39)
        #expect(birth.age(on: Fixtures.date(2030, 3, 15)) == 40)
        let leap = Fixtures.date(2000, 2, 29)
        #expect(leap.age(on: Fixtures.date(2001, 2, 27)) == 0)
        #expect(leap.age(on: Fixtures.date(2001, 2, 28)) == 1)
    }

    @Test("Codable as an ISO string")
    func codable() throws {
        let encoded = try JSONEncoder().encode([Fixtures.date(2024, 7, 1)])
        #expect(String(decoding: encoded, as: UTF8.self) == "[\"2024-07-01\"]")
        #expect(try JSONDecoder().decode([CivilDate].self, from: encoded) == [Fixtures.date(2024, 7, 1)])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([CivilDate].self, from: Data("[\"2024-02-30\"]".utf8))
        }
    }
}

import Foundation
