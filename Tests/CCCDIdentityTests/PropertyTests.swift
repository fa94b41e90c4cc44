import PropertyBased
import Testing
@testable import CCCDIdentity

@Suite("Properties")
struct PropertyTests {
    @Test("Arbitrary bytes never crash the parser: they parse or throw a typed error")
    func arbitraryBytes() async {
        await propertyCheck(count: 2000, input: Gen<UInt8>.value(in: 0...255).array(of: 0...200)) { bytes in
            if let error = Fixtures.error(bytes: bytes) {
                #expect(error.code.hasPrefix("qr."))
                #expect(!error.message.en.isEmpty && !error.message.vi.isEmpty)
            }
        }
    }

    @Test("Pipe-heavy near-miss payloads never crash")
    func nearMisses() async {
        let alphabet: [Character] = ["|", "\\", "0", "1", "9", "/", "a", "F", "ữ", "?", " ", "\r", "Đ", "N"]
        let text = Gen<Character?>.element(of: alphabet).map { $0! }.string(of: 0...120)
        await propertyCheck(count: 2000, input: text) { text in
            if let error = Fixtures.error(text) {
                #expect(error.code.hasPrefix("qr."))
            }
        }
    }

    @Test("Mutating one byte of a valid payload never crashes and never leaks data into messages")
    func mutations() async {
        let payload = Array(Fixtures.mau2021.utf8)
        await propertyCheck(count: 2000, input: Gen.int(in: 0...(payload.count - 1)), Gen<UInt8>.value(in: 0...255)) { index, byte in
            var bytes = payload
            bytes[index] = byte
            if let error = Fixtures.error(bytes: bytes) {
                for text in [error.message.en, error.message.vi] {
                    #expect(!text.contains("190000123") && !text.contains("Mẫu") && !text.contains("15031990"))
                }
            }
        }
    }

    @Test("Valid identities round-trip through payload text")
    func roundTrip() async {
        await propertyCheck(count: 500, input: IdentityGen.citizen) { qr in
            let parsed = try Fixtures.citizen(bytes: Array(qr.payloadText.utf8))
            #expect(parsed == qr)
            let decomposed = try Fixtures.citizen(qr.payloadText.decomposedStringWithCanonicalMapping + "\r\n")
            #expect(decomposed == qr)
        }
    }

    @Test("MRZ built from an identity parses back to the same identity")
    func mrzRoundTrip() async {
        await propertyCheck(count: 500, input: IdentityGen.citizen) { qr in
            for expiry in qr.expiry.candidates {
                let zone = try MachineReadableZone(parsing: qr.td1Lines(expiry: expiry).joined(separator: "\n"))
                #expect(try VietnameseMRZ.personalID(in: zone) == qr.personalID)
                #expect(zone.documentNumber == qr.personalID.bacDocumentNumber)
                #expect(zone.dateOfBirth == MRZDate(qr.dateOfBirth))
                #expect(zone.dateOfExpiry.text == expiry.mrzText)
                #expect(zone.sex.sex == qr.sex)
                #expect(zone.name.comparisonKey == MRZTransliteration.comparisonKey(qr.fullName))
                #expect(zone.bacKeyMaterial == qr.bacKeyMaterial(expiry: expiry))
            }
        }
    }

    @Test("Expiry candidates: derived first, no duplicates, 991231 included, none before the issue date")
    func expiryCandidates() async {
        await propertyCheck(count: 1000, input: IdentityGen.date, Gen.int(in: 0...30_000)) { birth, offset in
            guard let issue = birth.adding(days: offset) else { return }
            let derivation = ExpiryDerivation(dateOfBirth: birth, issueDate: issue)
            let candidates = derivation.candidates
            #expect(candidates.first == derivation.expiry)
            #expect(candidates.contains(.never))
            #expect(Set(candidates).count == candidates.count)
            #expect(candidates.count <= 5)
            #expect(candidates.compactMap(\.date).allSatisfy { $0 >= issue })
            if let date = derivation.expiry.date {
                #expect(candidates.last == .never)
                #expect(date > issue)
                #expect(date.month == birth.month || (birth.month == 2 && birth.day == 29))
            }
        }
    }

    @Test("Check digits detect every single-character substitution in a digit field")
    func checkDigitSubstitution() async {
        await propertyCheck(count: 500, input: Gen.int(in: 0...999_999_999), Gen.int(in: 0...8), Gen.int(in: 1...9)) { number, position, delta in
            let text = Digits.padded(number, width: 9)
            var digits = Array(text.utf8)
            digits[position] = UInt8(ascii: "0") + (digits[position] - UInt8(ascii: "0") + UInt8(delta)) % 10
            #expect(MRZCheckDigit.compute(text) != MRZCheckDigit.compute(String(decoding: digits, as: UTF8.self)))
        }
    }
}

import Foundation
