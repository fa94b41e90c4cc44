import SmartCardReader
import Testing

@Suite("ATR parsing")
struct AnswerToResetTests {
    @Test("Historical bytes and the card-capabilities extended-length bit")
    func cardCapabilities() {
        let atr = AnswerToReset(TransparentFileCard.defaultATR)
        #expect(atr.historicalBytes == [0x80, 0x73, 0x00, 0x00, 0x40])
        #expect(atr.protocols == [0, 1])
        #expect(atr.declaresExtendedLength == true)
        let denies = AnswerToReset([0x3B, 0x85, 0x80, 0x01, 0x80, 0x73, 0x00, 0x00, 0x00, 0x77])
        #expect(denies.declaresExtendedLength == false)
    }

    @Test("A PC/SC contactless pseudo-ATR without capabilities says nothing about extended length")
    func contactlessPseudoATR() {
        // 3B 88 80 01 + 8 ATS historical bytes (invented) + TCK.
        let atr = AnswerToReset([0x3B, 0x88, 0x80, 0x01, 0x00, 0x31, 0xC1, 0x64, 0x08, 0x60, 0x32, 0x00, 0x9D])
        #expect(atr.historicalBytes.count == 8)
        #expect(atr.protocols.contains(1))
        #expect(atr.declaresExtendedLength == nil)
    }

    @Test("Interface bytes TA1/TB1/TC1 are skipped; category 00 keeps its status bytes out")
    func interfaceBytesAndStatusCategory() {
        // T0 = F3: TA1 TB1 TC1 TD1 present, 3 historical bytes; TD1 = 81: TD2 present, T=1; TD2 = 31: TA3 TB3, T=1.
        let bytes: [UInt8] = [0x3B, 0xF3, 0x96, 0x00, 0x00, 0x81, 0x31, 0xFE, 0x45, 0x00, 0x73, 0xC0]
        let atr = AnswerToReset(bytes)
        #expect(atr.protocols == [1])
        #expect(atr.historicalBytes == [0x00, 0x73, 0xC0])
        #expect(atr.declaresExtendedLength == nil)  // category 00: last three bytes are status, no room for TLV
    }

    @Test("Truncated and hostile ATRs never trap", arguments: [
        [], [0x3B], [0x3B, 0xFF], [0x3B, 0x8F, 0x80], [0x3B, 0x80, 0xF0, 0xF0, 0xF0],
        [0x3B, 0x82, 0x80, 0x01, 0x80, 0x7F], [0x3B, 0x83, 0x80, 0x01, 0x80, 0x73, 0x00],
    ] as [[UInt8]])
    func hostile(bytes: [UInt8]) {
        let atr = AnswerToReset(bytes)
        #expect(atr.bytes == bytes)
        #expect(atr.historicalBytes.count <= max(0, bytes.count - 2))
    }

    @Test("Random byte strings parse without trapping")
    func randomBytes() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let bytes = (0..<Int.random(in: 0...40, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let atr = AnswerToReset(bytes)
            #expect(atr.historicalBytes.count <= 15)
        }
    }
}

@Suite("Reader capabilities")
struct ReaderCapabilitiesTests {
    @Test("ACR122U is short-only at 261 bytes, whatever its driver says")
    func acr122u() {
        let capabilities = ReaderCapabilities.detect(readerName: "ACS ACR122U PICC Interface 00 00", maxInput: 65544)
        #expect(!capabilities.supportsExtendedLength)
        #expect(capabilities.maxCommandLength == 261)
        #expect(capabilities.maxResponseLength == 258)
        #expect(capabilities.basis == .knownModel("ACR122"))
    }

    @Test("Known extended-length readers", arguments: [
        "ACS ACR1252 1S CL Reader [ACR1252 Dual Reader PICC] 00 00",
        "HID Global OMNIKEY 5022 Smart Card Reader [OMNIKEY 5022 Smart Card Reader] 00 00",
        "HID Global OMNIKEY 5422 Smartcard Reader [OMNIKEY 5422CL Smartcard Reader] 01 00",
        "Feitian R502 [R502 Contactless Reader] 00 00",
    ])
    func extendedReaders(name: String) {
        let capabilities = ReaderCapabilities.detect(readerName: name, maxInput: nil)
        #expect(capabilities.supportsExtendedLength)
        #expect(capabilities.maxCommandLength == 65544)
        #expect(capabilities.maxResponseLength == 65538)
    }

    @Test("An unknown reader follows SCARD_ATTR_MAXINPUT, or is assumed short-only")
    func unknownReaders() {
        let big = ReaderCapabilities.detect(readerName: "Invented Reader 00 00", maxInput: 65_544)
        #expect(big.supportsExtendedLength)
        #expect(big.basis == .readerAttribute(maxInput: 65_544))
        let small = ReaderCapabilities.detect(readerName: "Invented Reader 00 00", maxInput: 261)
        #expect(!small.supportsExtendedLength)
        #expect(small.maxCommandLength == 261)
        let tiny = ReaderCapabilities.detect(readerName: "Invented Reader 00 00", maxInput: 64)
        #expect(tiny.maxCommandLength == 64)
        let nothing = ReaderCapabilities.detect(readerName: "Invented Reader 00 00", maxInput: nil)
        #expect(nothing == .shortOnly)
        #expect(nothing.basis.name == "assumed")
        let byType = ReaderCapabilities.detect(readerName: "Reader 00 00", ifdType: "OMNIKEY 5427 CK", maxInput: nil)
        #expect(byType.basis == .knownModel("OMNIKEY 5427"))
    }

    @Test("Extended length needs the reader and a card that does not deny it")
    func allowsExtendedLength() {
        let declares = AnswerToReset(TransparentFileCard.defaultATR)
        let silent = AnswerToReset([0x3B, 0x80, 0x80, 0x01, 0x01])
        let denies = AnswerToReset([0x3B, 0x85, 0x80, 0x01, 0x80, 0x73, 0x00, 0x00, 0x00, 0x77])
        #expect(ReaderCapabilities.extended.allowsExtendedLength(for: declares))
        #expect(ReaderCapabilities.extended.allowsExtendedLength(for: silent))
        #expect(!ReaderCapabilities.extended.allowsExtendedLength(for: denies))
        #expect(!ReaderCapabilities.shortOnly.allowsExtendedLength(for: declares))
    }
}
