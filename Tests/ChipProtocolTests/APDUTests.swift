import ChipProtocol
import ICAOCrypto
import Testing

@Suite struct APDUTests {
    @Test(arguments: [
        // case 1, 2S, 3S, 4S
        (CommandAPDU(ins: 0x84, p1: 0, p2: 0), "00840000"),
        (CommandAPDU(ins: 0x84, p1: 0, p2: 0, expectedLength: 8), "0084000008"),
        (CommandAPDU(ins: 0xB0, p1: 0, p2: 0, expectedLength: 256), "00B0000000"),
        (CommandAPDU(ins: 0xA4, p1: 2, p2: 0x0C, data: [0x01, 0x1C]), "00A4020C02011C"),
        (CommandAPDU(cla: 0x10, ins: 0x86, p1: 0, p2: 0, data: [0x7C, 0x00], expectedLength: 256), "10860000027C0000"),
        // case 2E, 4E
        (CommandAPDU(ins: 0xB0, p1: 0, p2: 0, expectedLength: 65536), "00B00000000000"),
        (CommandAPDU(ins: 0xB0, p1: 0, p2: 0, expectedLength: 1000), "00B000000003E8"),
        (CommandAPDU(ins: 0xB1, p1: 0, p2: 0, data: [0x54, 0x02, 0x80, 0x00], expectedLength: 4096), "00B1000000000454028000" + "1000"),
    ])
    func encodesAndDecodesEveryCase(command: CommandAPDU, expected: String) throws {
        #expect(try command.encoded().hexString == expected)
        #expect(try CommandAPDU(encoded: hex(expected)) == command)
    }

    @Test func extendedDataForcesExtendedEncoding() throws {
        let command = CommandAPDU(ins: 0xD6, p1: 0, p2: 0, data: [UInt8](repeating: 0xAB, count: 300))
        let encoded = try command.encoded()
        #expect(Array(encoded[4..<7]) == [0x00, 0x01, 0x2C])
        #expect(encoded.count == 7 + 300)
        #expect(try CommandAPDU(encoded: encoded) == command)
    }

    @Test(arguments: ["", "0084", "00A4020C03011C", "00A4020C02011C0000", "00B000000000000500", "00B00000000001AA00"])
    func rejectsInconsistentLengths(text: String) {
        #expect(throws: APDUError.self) { _ = try CommandAPDU(encoded: hex(text)) }
    }

    @Test func rejectsImpossibleLe() {
        expectFailure(APDUError(.invalidExpectedLength)) {
            _ = try CommandAPDU(ins: 0xB0, p1: 0, p2: 0, expectedLength: 0).encoded()
        }
        expectFailure(APDUError(.invalidExpectedLength)) {
            _ = try CommandAPDU(ins: 0xB0, p1: 0, p2: 0, expectedLength: 65537).encoded()
        }
    }

    @Test func responseSplitsStatus() throws {
        let response = try ResponseAPDU(encoded: hex("60145F019000"))
        #expect(response.data.hexString == "60145F01")
        #expect(response.status.isSuccess)
        #expect(response.encoded.hexString == "60145F019000")
        expectFailure(APDUError(.responseTooShort)) { _ = try ResponseAPDU(encoded: [0x90]) }
    }

    @Test func statusWordsCarryTheirNumbers() {
        #expect(StatusWord(0x6110).bytesStillAvailable == 16)
        #expect(StatusWord(0x6100).bytesStillAvailable == 256)
        #expect(StatusWord(0x6CDF).exactExpectedLength == 0xDF)
        #expect(StatusWord(0x63C2).retriesLeft == 2)
        #expect(StatusWord(0x6300).retriesLeft == nil)
        #expect(StatusWord.success.retriesLeft == nil)
        #expect(StatusWord(0x6D00).description == "6D00 (instruction not supported)")
        #expect(StatusWord(0x6982).meaning == "security status not satisfied")
        #expect(StatusWord(0x6A82).meaning == "file or application not found")
        #expect(StatusWord(0x6987).meaning == "expected secure messaging data objects missing")
        #expect(StatusWord(0x6C00).meaning == "wrong Le; exact length is 256")
        #expect(StatusWord(0x6F12).meaning == "checking error")
    }
}
