import Testing
@testable import CCCDIdentity

@Suite("MRZ")
struct MRZTests {
    @Test("Check digits: weights 7-3-1, letters 10–35, filler 0", arguments: [
        ("L898902C<", 3), ("690806", 1), ("940623", 6), ("D23145890", 7), ("740812", 2), ("120415", 9),
        ("ZE184226B<<<<<", 1), ("001190000123", 1), ("190000123", 0), ("<<<<<<", 0), ("", 0),
    ])
    func checkDigits(text: String, digit: Int) {
        #expect(MRZCheckDigit.compute(text) == digit)
    }

    @Test("Check digit refuses characters outside the MRZ alphabet")
    func checkDigitAlphabet() {
        #expect(MRZCheckDigit.compute("abc") == nil)
        #expect(MRZCheckDigit.compute("Đ") == nil)
        #expect(MRZCheckDigit.character(for: "L898902C<") == "3")
    }

    @Test("BAC MRZ information of ICAO 9303-11 App. D")
    func appendixD() throws {
        let material = try #require(BACKeyMaterial(documentNumber: "L898902C", dateOfBirth: "690806", dateOfExpiry: "940623"))
        #expect(material.mrzInformation == "L898902C<369080619406236")
        #expect(material.mrzInformationBytes == Array("L898902C<369080619406236".utf8))
        #expect(BACKeyMaterial(documentNumber: "l898902c", dateOfBirth: "690806", dateOfExpiry: "940623") == nil)
        #expect(BACKeyMaterial(documentNumber: "L898902C", dateOfBirth: "691306", dateOfExpiry: "940623") == nil)
        #expect(!"\(material)".contains("L898902C"))
    }

    @Test("TD3 specimen parses with every check digit")
    func td3() throws {
        let zone = try MachineReadableZone(parsing: MRZSamples.td3Specimen.joined(separator: "\n"))
        #expect(zone.format == .td3)
        #expect(zone.documentCode == "P")
        #expect(zone.issuingState == "UTO")
        #expect(zone.documentNumber == "L898902C3")
        #expect(zone.nationality == "UTO")
        #expect(zone.dateOfBirth.text == "740812")
        #expect(zone.sex == .female)
        #expect(zone.dateOfExpiry.text == "120415")
        #expect(zone.optionalData == "ZE184226B<<<<<")
        #expect(zone.name == MRZName(primary: ["ERIKSSON"], secondary: ["ANNA", "MARIA"]))
        #expect(zone.bacKeyMaterial.mrzInformation == "L898902C3674081221204159")
    }

    @Test("TD1 and TD2 specimens parse")
    func td1td2() throws {
        let td1 = try MachineReadableZone(parsing: MRZSamples.td1Specimen.joined())
        #expect(td1.format == .td1)
        #expect(td1.documentCode == "I")
        #expect(td1.documentNumber == "D23145890")
        #expect(td1.name.comparisonKey == "ERIKSSON ANNA MARIA")
        #expect(try VietnameseMRZ.personalID(in: td1) == nil)
        let td2 = try MachineReadableZone(parsing: MRZSamples.td2Specimen.joined(separator: "\r\n"))
        #expect(td2.format == .td2)
        #expect(td2.documentNumber == "D23145890")
        #expect(td2.dateOfExpiry.text == "120415")
    }

    @Test("TD1 with a long document number continued in the optional data")
    func longDocumentNumber() throws {
        // Document number D23145890734 (12 characters): check digit 9 ends the continuation.
        let number = "D23145890734"
        let check = try #require(MRZCheckDigit.character(for: number))
        let line1 = "I<UTO" + "D23145890" + "<" + "734" + String(check) + String(repeating: "<", count: 11)
        let line2Head = "7408122F1204159UTO" + String(repeating: "<", count: 11)
        let composite = try #require(MRZCheckDigit.character(for: String(line1.dropFirst(5))
            + line2Head.prefix(7) + line2Head.dropFirst(8).prefix(7) + line2Head.dropFirst(18)))
        let zone = try MachineReadableZone(parsing: [line1, line2Head + String(composite), MRZSamples.td1Specimen[2]].joined())
        #expect(zone.documentNumber == number)
        #expect(zone.optionalData == String(repeating: "<", count: 11))
    }

    @Test("The spec's Vietnamese TD1 sample parses, the 12-digit ID verified")
    func vietnameseSample() throws {
        let zone = try MachineReadableZone(parsing: MRZSamples.vietnameseSample.joined(separator: "\n"))
        #expect(zone.documentCode == "ID")
        #expect(zone.issuingState == "VNM")
        #expect(zone.documentNumber == "190000123")
        #expect(zone.sex == .female)
        #expect(zone.sex.sex == .female)
        #expect(zone.dateOfExpiry.text == "300315")
        #expect(zone.name.comparisonKey == "NGUYEN THI MAU")
        #expect(try VietnameseMRZ.personalID(in: zone)?.digits == "001190000123")
        #expect(zone.bacKeyMaterial.mrzInformation == "190000123090031523003150")
    }

    @Test("The Vietnamese TD1 sample is rebuilt from the QR")
    func buildSample() throws {
        let qr = try Fixtures.citizen(Fixtures.mau2021)
        let lines = qr.td1Lines(expiry: qr.expiry.expiry)
        #expect(lines == MRZSamples.vietnameseSample)
        #expect(try qr.bacKeyMaterial(expiry: qr.expiry.expiry)
            == MachineReadableZone(parsing: lines.joined()).bacKeyMaterial)
        #expect(qr.bacKeyCandidates.count == 5)
        #expect(qr.bacKeyCandidates.last?.dateOfExpiry == "991231")
        #expect(qr.cardAccessNumber.digits == "000123")
        #expect(qr.cardAccessNumber.passwordBytes == Array("000123".utf8))
    }

    @Test("Cards that never expire carry 991231")
    func neverExpires() throws {
        let lines = try Fixtures.citizen(Fixtures.mau2021).td1Lines(expiry: .never)
        let zone = try MachineReadableZone(parsing: lines.joined())
        #expect(zone.dateOfExpiry.text == "991231")
    }

    @Test("Every check digit is verified", arguments: [
        (0, 14, MRZCheckedField.documentNumber), (1, 6, .dateOfBirth), (1, 14, .dateOfExpiry), (1, 29, .composite),
    ])
    func corruptedCheckDigits(line: Int, position: Int, field: MRZCheckedField) throws {
        var lines = MRZSamples.vietnameseSample
        var characters = Array(lines[line])
        characters[position] = characters[position] == "0" ? "1" : "0"
        lines[line] = String(characters)
        do {
            _ = try MachineReadableZone(parsing: lines.joined())
            Issue.record("accepted a wrong \(field) check digit")
        } catch {
            #expect(error.kind == .checkDigit)
            #expect(error.checkedField == field)
            #expect(error.code == "mrz.checkDigit")
        }
    }

    @Test("The Vietnamese optional-data check digit is verified")
    func vietnameseOptionalCheck() throws {
        var lines = MRZSamples.vietnameseSample
        lines[0] = String(lines[0].dropLast()) + "2"
        // The composite covers line 1 too, so recompute it to isolate the optional-data check.
        var line2 = Array(lines[1])
        let composite = String(lines[0].dropFirst(5)) + String(line2[0..<7]) + String(line2[8..<15]) + String(line2[18..<29])
        line2[29] = try #require(MRZCheckDigit.character(for: composite))
        lines[1] = String(line2)
        let zone = try MachineReadableZone(parsing: lines.joined())
        #expect(throws: MRZError.checkDigit(.optionalData)) { try VietnameseMRZ.personalID(in: zone) }
    }

    @Test("TD3 personal-number check digit is verified")
    func td3PersonalNumber() {
        let broken = MRZSamples.td3Specimen[1].replacingOccurrences(of: "B<<<<<10", with: "B<<<<<20")
        #expect(throws: MRZError.checkDigit(.optionalData)) {
            try MachineReadableZone(parsing: MRZSamples.td3Specimen[0] + broken)
        }
    }

    @Test("Malformed zones", arguments: [
        ("IDVNM", MRZError.Kind.length),
        (MRZSamples.vietnameseSample.joined().replacingOccurrences(of: "NGUYEN", with: "NGUYÊN"), .length),
        (MRZSamples.vietnameseSample.joined().replacingOccurrences(of: "NGUYEN", with: "Nguyen"), .invalidCharacter),
        (MRZSamples.vietnameseSample.joined().replacingOccurrences(of: "2F3", with: "2Q3"), .invalidSex),
    ])
    func malformed(text: String, kind: MRZError.Kind) {
        do {
            _ = try MachineReadableZone(parsing: text)
            Issue.record("accepted")
        } catch {
            #expect(error.kind == kind)
        }
    }

    @Test("Impossible dates with valid check digits are refused")
    func impossibleDate() throws {
        let qr = try Fixtures.citizen(Fixtures.mau2021)
        var lines = qr.td1Lines(expiry: .on(Fixtures.date(2030, 3, 15)))
        // 301315: month 13, with its correct check digit and composite.
        var line2 = Array(lines[1])
        line2.replaceSubrange(8..<15, with: Array("301315") + [MRZCheckDigit.character(for: "301315")!])
        let composite = String(lines[0].dropFirst(5)) + String(line2[0..<7]) + String(line2[8..<15]) + String(line2[18..<29])
        line2[29] = MRZCheckDigit.character(for: composite)!
        lines[1] = String(line2)
        do {
            _ = try MachineReadableZone(parsing: lines.joined())
            Issue.record("accepted month 13")
        } catch {
            #expect(error.kind == .invalidDate)
            #expect(error.message.en == "The MRZ date of expiry is not a YYMMDD date")
        }
    }

    @Test("A Vietnamese TD1 whose optional data lacks the 12-digit ID is refused")
    func vietnameseOptionalDataShape() throws {
        // Same card, optional data blanked: the line-1 composite is recomputed so only the shape fails.
        var line1 = Array(MRZSamples.vietnameseSample[0])
        line1.replaceSubrange(15..<30, with: Array(String(repeating: "<", count: 15)))
        var line2 = Array(MRZSamples.vietnameseSample[1])
        let composite = String(line1[5..<30]) + String(line2[0..<7]) + String(line2[8..<15]) + String(line2[18..<29])
        line2[29] = try #require(MRZCheckDigit.character(for: composite))
        let zone = try MachineReadableZone(parsing: String(line1) + String(line2) + MRZSamples.vietnameseSample[2])
        #expect(throws: MRZError.invalidVietnameseOptionalData) { try VietnameseMRZ.personalID(in: zone) }
    }

    @Test("Sex X is ICAO's unspecified")
    func sexX() throws {
        var line2 = Array(MRZSamples.td3Specimen[1])
        line2[20] = "X"
        let zone = try MachineReadableZone(parsing: MRZSamples.td3Specimen[0] + String(line2))
        #expect(zone.sex == .unspecified)
        #expect(zone.sex.sex == nil)
    }

    @Test("TD2 with a long document number continued in the optional data")
    func td2LongDocumentNumber() throws {
        let number = "D231458907AB"
        let check = try #require(MRZCheckDigit.character(for: number))
        let optional = "7AB" + String(check) + "<<<"
        var line2 = "D23145890" + "<" + "UTO7408122F1204159" + optional
        let composite = String(line2.prefix(10)) + String(line2.dropFirst(13).prefix(7)) + String(line2.dropFirst(21))
        line2 += String(try #require(MRZCheckDigit.character(for: composite)))
        let zone = try MachineReadableZone(parsing: MRZSamples.td2Specimen[0] + line2)
        #expect(zone.documentNumber == "D231458907AB")
        #expect(zone.optionalData == "<<<")
        #expect(zone.bacKeyMaterial.mrzInformation.hasPrefix("D231458907AB" + String(check)))
    }

    @Test("MRZ dates resolve their century")
    func dates() throws {
        let date = try #require(MRZDate(validating: "900315"))
        #expect(date.resolved(notAfter: Fixtures.date(2026, 1, 1)) == Fixtures.date(1990, 3, 15))
        #expect(MRZDate(validating: "250101")?.resolved(notAfter: Fixtures.date(2026, 1, 1)) == Fixtures.date(2025, 1, 1))
        #expect(date.resolved(inCenturyStarting: 2000) == Fixtures.date(2090, 3, 15))
        #expect(MRZDate(validating: "5501<<")?.components == nil)
        #expect(MRZDate(validating: "551301") == nil)
        #expect(MRZDate(Fixtures.date(2005, 11, 20)).text == "051120")
    }
}

/// Sample zones: the spec's Vietnamese card and the ICAO 9303 specimens.
enum MRZSamples {
    static let vietnameseSample = [
        "IDVNM1900001230001190000123<<1",
        "9003152F3003150VNM<<<<<<<<<<<8",
        "NGUYEN<<THI<MAU<<<<<<<<<<<<<<<",
    ]
    /// ICAO 9303 Part 4 specimen passport (Anna Maria Eriksson, Utopia).
    static let td3Specimen = [
        "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
        "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
    ]
    /// ICAO 9303 Part 5 specimen TD1 card.
    static let td1Specimen = [
        "I<UTOD231458907<<<<<<<<<<<<<<<",
        "7408122F1204159UTO<<<<<<<<<<<6",
        "ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
    ]
    /// ICAO 9303 Part 6 specimen TD2 card.
    static let td2Specimen = [
        "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<",
        "D231458907UTO7408122F1204159<<<<<<<6",
    ]
}
