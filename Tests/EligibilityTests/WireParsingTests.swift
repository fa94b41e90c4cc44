import CCCDIdentity
import Eligibility
@testable import EligibilityGateways
import Foundation
import Testing

/// Lenient reading of what gateways send: `expires_in` variants and answer bodies.
@Suite struct WireParsingTests {
    static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    static func utc(_ y: Int, _ mo: Int, _ d: Int, _ h: Int, _ mi: Int, _ s: Int) -> Date {
        utcCalendar.date(from: DateComponents(year: y, month: mo, day: d, hour: h, minute: mi, second: s))!
    }

    @Test(arguments: [
        ("2017-11-13T03:51:20.1047187Z", 0.1047187),
        ("2017-11-13T03:51:20Z", 0.0),
        ("2017-11-13T03:51:20.5", 0.5),
        ("2017-11-13T10:51:20.25+07:00", 0.25),
    ])
    func expiryTimesAreAbsoluteUTC(text: String, fraction: Double) throws {
        let parsed = try #require(ExpiryTime.parse(text))
        let expected = Self.utc(2017, 11, 13, 3, 51, 20).addingTimeInterval(fraction)
        #expect(abs(parsed.timeIntervalSince(expected)) < 1e-6)
    }

    @Test(arguments: ["", "600", "2017-13-13T03:51:20Z", "2017-11-13 03:51", "2017-11-13T03:51:20.abcZ", "2017-02-30T00:00:00Z"])
    func unreadableExpiryTimesAreNil(text: String) {
        #expect(ExpiryTime.parse(text) == nil)
    }

    @Test func expiryIsMovedOntoTheKioskClockWithTheDateHeader() {
        let server = Self.utc(2026, 11, 24, 2, 0, 0)
        let kioskAhead = server.addingTimeInterval(900)
        let local = ExpiryTime.localExpiry(serverExpiry: server.addingTimeInterval(600), serverDate: server, localNow: kioskAhead)
        #expect(local == kioskAhead.addingTimeInterval(600))
        #expect(ExpiryTime.localExpiry(serverExpiry: server, serverDate: nil, localNow: kioskAhead) == server)
    }

    @Test func httpDatesAreIMFFixdates() {
        #expect(HTTPDate.parse("Tue, 24 Nov 2026 01:51:54 GMT") == Self.utc(2026, 11, 24, 1, 51, 54))
        #expect(HTTPDate.parse("Tue, 31 Nov 2026 01:51:54 GMT") == nil)
        #expect(HTTPDate.parse("Tuesday, 24-Nov-26 01:51:54 GMT") == nil)
        #expect(HTTPDate.parse("") == nil)
    }

    @Test func answersAreReadLeniently() throws {
        let body = #"{"maKetQua": 0, "ghiChu": "  ", "maThe": "GD4010190000123", "gtTheTu": "01/01/2026",  "gtTheDen": "31/02/2026", "maKV": "", "dsLichSuKCB2018": [{"x": 1}], "maTheMoi": null}"#
        let answer = try #require(AnswerReader.read(Data(body.utf8), mapping: AnswerFieldMapping()))
        #expect(answer.resultCode == "000", "a numeric code gets its leading zeros back")
        #expect(answer.note == nil)
        #expect(answer.card?.code == "GD4010190000123")
        #expect(answer.card?.validity == nil, "an impossible date drops the range, not the answer")
        #expect(answer.card?.area == nil)
        #expect(answer.card?.newCard == nil)
    }

    @Test(arguments: ["<html><body>502 Bad Gateway</body></html>", "[]", "{\"ghiChu\": \"no code\"}", ""])
    func bodiesWithoutAResultCodeAreUnreadable(body: String) {
        #expect(AnswerReader.read(Data(body.utf8), mapping: AnswerFieldMapping()) == nil)
    }

    @Test func nestedMappingsReadWrappedAnswers() throws {
        var mapping = AnswerFieldMapping()
        mapping.resultCode = "code"
        let body = #"{"data": {"code": "050"}}"#
        #expect(AnswerReader.read(Data(body.utf8), mapping: mapping.nested(in: "data"))?.resultCode == "050")
        #expect(AnswerFieldMapping.path(named: "cardCode") == \AnswerFieldMapping.cardCode)
        #expect(AnswerFieldMapping.path(named: "nope") == nil)
    }

    @Test func thePasswordDigestIsUpperCaseMD5() {
        // `printf thu-nghiem-mat-khau | md5sum`
        #expect(PasswordDigest.hex(Fixture.password) == Fixture.passwordMD5)
    }

    @Test func theSignatureIsHMACSHA256OfTheDocumentedString() {
        let message = RequestSigner.stringToSign(merchantID: "kiosk-01", timestamp: 1_800_000_000, method: "GET",
                                                 path: "/bhyt", query: "SO_GTTT=001190000123&LOAI_GTTT=CCCD")
        #expect(message == "kiosk-01\n1800000000\nGET\n/bhyt\nSO_GTTT=001190000123&LOAI_GTTT=CCCD")
        // `printf '%s' "$message" | openssl dgst -sha256 -hmac bi-mat-chung`
        #expect(RequestSigner.signature(secret: "bi-mat-chung", message: message)
                == "02b2a5dd956f5ace8ec307d245ed25a37d9c6cedb22fe0daf69e307a85c97ddb")
    }
}
