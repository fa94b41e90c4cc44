import Testing
@testable import CCCDIdentity

/// BHYT card QRs in the layouts seen in public decoded samples, rebuilt with invented people.
@Suite("BHYT card QR")
struct BHYTCardQRTests {
    static let name = HexText.encode("Trần Thị Thử")
    static let address = HexText.encode("Số 3 đường Mẫu, Phường Thử, Quận 1, TP. Hồ Chí Minh")

    /// 15 fields with a `$` terminator: the 15-character card code era.
    static let fifteenFields = "DN4797915012345|\(name)|02/09/1985|2|\(address)|79 - 024|01/01/2024|31/12/2024|"
        + "15/12/2023|79012345678901|-|4|01/01/2025|abcdef0123456789-0102|$"
    /// 17 fields: card number = 10-digit social insurance number, address moved, bare birth year.
    static let seventeenFields = "7912345678|\(name)|1985|2|-|79 - C54|01/07/2023|-|31/07/2023|07917912345678|-|4|"
        + " 01/10/2027|0123abcd-1202|4|\(HexText.encode("Quận 1, TP. Hồ Chí Minh"))|$"
    /// 10 fields: the short layout of older cards.
    static let tenFields = "HS4010120878800|\(name)|07/09/2008|1|\(address)|01 - 028|24/01/2019|-|24/01/2019|$"

    @Test("15-character card code layout")
    func fifteen() throws {
        let qr = try Fixtures.bhyt(Self.fifteenFields)
        #expect(qr.cardCode.text == "DN4797915012345")
        #expect(qr.cardCode.isFullCardCode)
        #expect(qr.cardCode.beneficiaryGroup == "DN")
        #expect(qr.cardCode.benefitLevel == 4)
        #expect(qr.cardCode.provinceCode == "79")
        #expect(qr.cardCode.socialInsuranceNumber == "7915012345")
        #expect(qr.fullName == "Trần Thị Thử")
        #expect(qr.dateOfBirth == .date(Fixtures.date(1985, 9, 2)))
        #expect(qr.dateOfBirth.gatewayText == "02/09/1985")
        #expect(qr.sex == .female)
        #expect(qr.address == "Số 3 đường Mẫu, Phường Thử, Quận 1, TP. Hồ Chí Minh")
        #expect(qr.registeredFacility == "79 - 024")
        #expect(qr.registeredFacilityCode == "79024")
        #expect(qr.validFrom == Fixtures.date(2024, 1, 1))
        #expect(qr.validTo == Fixtures.date(2024, 12, 31))
        #expect(qr.issueDate == Fixtures.date(2023, 12, 15))
        #expect(qr.rawFields.count == 14)
        #expect(qr.warnings.isEmpty)
    }

    @Test("10-digit social insurance number, bare birth year, no address, open end date")
    func seventeen() throws {
        let qr = try Fixtures.bhyt(Self.seventeenFields)
        #expect(qr.cardCode.text == "7912345678")
        #expect(!qr.cardCode.isFullCardCode)
        #expect(qr.cardCode.socialInsuranceNumber == "7912345678")
        #expect(qr.cardCode.beneficiaryGroup == nil && qr.cardCode.benefitLevel == nil && qr.cardCode.provinceCode == nil)
        #expect(qr.dateOfBirth == .yearOnly(1985))
        #expect(qr.dateOfBirth.gatewayText == "1985")
        #expect(qr.dateOfBirth.isoText == "1985")
        #expect(qr.address == nil)
        #expect(qr.validTo == nil)
        #expect(qr.rawFields.count == 16)
        #expect(qr.warnings.isEmpty)
    }

    @Test("Short 10-field layout")
    func ten() throws {
        let qr = try Fixtures.bhyt(Self.tenFields)
        #expect(qr.sex == .male)
        #expect(qr.cardCode.beneficiaryGroup == "HS")
        #expect(qr.issueDate == Fixtures.date(2019, 1, 24))
    }

    @Test("Minimal: code, name, date of birth, sex")
    func minimal() throws {
        let qr = try Fixtures.bhyt("TE1790000000123|\(Self.name)|01/06/2020|2")
        #expect(qr.address == nil && qr.validFrom == nil && qr.registeredFacility == nil)
    }

    @Test("Unreadable secondary fields become warnings, not errors")
    func tolerant() throws {
        let qr = try Fixtures.bhyt("DN4797915012345|\(Self.name)|02/09/1985|0|zz|79 - 024|32/01/2024|-|x|$")
        #expect(qr.sex == nil)
        #expect(qr.address == nil && qr.validFrom == nil && qr.issueDate == nil)
        #expect(qr.warnings == [
            .unknownBHYTSexCode, .unreadableBHYTField(index: 4), .unreadableBHYTField(index: 6),
            .unreadableBHYTField(index: 8),
        ])
        #expect(qr.warnings.map(\.code).contains("qr.warning.bhyt.fieldUnreadable"))
    }

    @Test("Uppercase hex and surrounding whitespace are accepted")
    func uppercaseHex() throws {
        let qr = try Fixtures.bhyt("  DN4797915012345|\(Self.name.uppercased())|02/09/1985|2\r\n")
        #expect(qr.fullName == "Trần Thị Thử")
    }

    @Test("Routed as bhyt by ScannedQR")
    func routing() throws {
        guard case .bhyt = try ScannedQR.parse(bytes: Array(Self.fifteenFields.utf8)) else {
            Issue.record("not routed to BHYT")
            return
        }
    }

    @Test("Hex text round-trips")
    func hex() {
        #expect(HexText.encode("Nguyễn") == "4e677579e1bb856e")
        #expect(HexText.decode("4e677579e1bb856e") == "Nguyễn")
        #expect(HexText.decode("4E677579E1BB856E") == "Nguyễn")
        #expect(HexText.decode("abc") == nil)
        #expect(HexText.decode("zz") == nil)
        #expect(HexText.decode("c3") == nil)
    }
}
