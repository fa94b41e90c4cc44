import Testing
@testable import CCCDIdentity

/// What keyboard-wedge scanners make of the spec's samples, each refused with advice.
@Suite("Keyboard-wedge damage")
struct KeyboardWedgeTests {
    @Test("Each symptom is recognised", arguments: [
        // IME turned `|` into `\`.
        (Fixtures.mau2021.replacingOccurrences(of: "|", with: "\\"), KeyboardWedgeSymptom.backslashSeparators),
        // Vietnamese letters dropped to their base letters.
        ("001190000123|012345678|Nguyen Thi Mau|15031990|Nu|So 1 pho Vi Du, Phuong Mau, Quan Thu, Ha Noi|01072021",
         .diacriticsLost),
        // Male holder: sex survives, but name and address lost every diacritic.
        ("079205000456||Tran Van Thu|20112005|Nam|So 2 duong Gia Dinh, TP. Ho Chi Minh|15082024||||", .diacriticsLost),
        // Letters replaced by `?` (Alt+numpad through a code page without them).
        ("001190000123|012345678|Nguy?n Th? M?u|15031990|N?|S? 1 ph? V? D?, H? N?i|01072021", .lettersReplaced),
        ("001190000123|012345678|Nguy\u{FFFD}n Thị Mẫu|15031990|Nữ|Hà Nội|01072021", .lettersReplaced),
        // Letters dropped entirely.
        ("001190000123|012345678|Nguyn Th Mu|15031990|N|S 1 ph V D, H Ni|01072021", .diacriticsLost),
        // Shift/CapsLock state wrong: digits typed as their shifted symbols.
        (")!!(!))))!@#|)!@#$%^&*|Nguyễn Thị Mẫu|15031990|Nữ|Hà Nội|01072021", .digitsShifted),
        // French AZERTY layout.
        ("àà&ç&àààà&é\"|àÀ&é|Nguyễn Thị Mẫu|15031990|Nữ|Hà Nội|01072021", .digitsShifted),
        // IME turned `D` into `Đ` in a BHYT card code.
        ("ĐN4797915012345|4e677579e1bb856e|01/01/1990|1|2d|01 - 028|01/01/2024|-|01/01/2024|$", .dWithStroke),
        // BHYT with backslashes.
        ("DN4797915012345\\4e677579e1bb856e\\01/01/1990\\1\\$", .backslashSeparators),
    ])
    func symptoms(payload: String, symptom: KeyboardWedgeSymptom) throws {
        let error = try #require(Fixtures.error(payload))
        #expect(error.kind == .keyboardWedgeMangled)
        #expect(error.code == "qr.keyboardWedge.mangled")
        #expect(error.wedgeSymptom == symptom)
        #expect(error.message.en.contains("USB-COM/CDC or HID POS"))
        #expect(error.message.vi.contains("HID POS"))
        #expect(error.diagnostic == symptom.explanation)
    }

    @Test("A `\\` inside an otherwise well-formed payload is just text")
    func backslashInAddress() throws {
        let qr = try Fixtures.citizen(Fixtures.mau(replacing: 5, with: "Số 1\\2 phố Ví Dụ, Hà Nội"))
        #expect(qr.address == "Số 1\\2 phố Ví Dụ, Hà Nội")
    }

    @Test("Backslash text that does not look like a card stays unrecognised")
    func backslashNotACard() {
        #expect(Fixtures.error("C:\\Users\\kiosk\\file\\x")?.kind == .unrecognised)
    }
}
