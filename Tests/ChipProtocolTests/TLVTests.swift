import ChipProtocol
import ICAOCrypto
import Testing

/// BER-TLV as chips send it, including the hostile shapes a cloned or broken chip could send.
@Suite struct TLVTests {
    @Test func multiByteTagsAndExactBytes() throws {
        let object = try TLV(decoding: hex("7F4903860104"), expectedTag: 0x7F49)
        #expect(object.value.hexString == "860104")
        #expect(try object.children().map(\.tag) == [0x86])
        let header = try TLVHeader(decoding: hex("5F1F0A"))
        #expect(header.tag == 0x5F1F)
        #expect(header.headerLength == 3)
        #expect(!header.isConstructed)
        #expect(try TLVHeader(decoding: hex("7C00")).isConstructed)
    }

    @Test(arguments: [
        ("04" + "0A", 2, 10),
        ("04" + "8180", 3, 0x80),
        ("04" + "820100", 4, 0x100),
        ("04" + "83010000", 5, 0x10000),
        ("04" + "8401000000", 6, 0x1000000),
    ])
    func longFormLengths(prefix: String, headerLength: Int, valueLength: Int) throws {
        let header = try TLVHeader(decoding: hex(prefix))
        #expect(header.headerLength == headerLength)
        #expect(header.valueLength == valueLength)
    }

    @Test func nonMinimalLengthIsAcceptedAndKeptAsEncoded() throws {
        let (object, next) = try TLV.decode(hex("5C8102AABB"))
        #expect(object.value.hexString == "AABB")
        #expect(object.encoded.hexString == "5C8102AABB")
        #expect(next == 5)
        #expect(TLV(tag: 0x5C, value: hex("AABB")).encoded.hexString == "5C02AABB")
        #expect(TLV(tag: 0x77, value: [UInt8](repeating: 0, count: 300)).encoded.prefix(4) == [0x77, 0x82, 0x01, 0x2C])
    }

    @Test(arguments: [
        ("", TLVFailure.truncatedTag),
        ("5F", .truncatedTag),
        ("7F49", .truncatedLength),
        ("5F8181818101", .tagTooLong),
        ("0482", .truncatedLength),
        ("048201", .truncatedLength),
        ("0480", .indefiniteLength),
        ("048500000000000000", .unsupportedLengthForm),
        ("0484FFFFFFFF", .valueOverrunsInput),
        ("0484FFFFFFFF00", .valueOverrunsInput),
        ("0403AABB", .valueOverrunsInput),
    ])
    func hostileInputIsRejectedWithATypedError(text: String, reason: TLVFailure) {
        expectFailure(TLVError(reason)) { _ = try TLV.decode(hex(text)) }
    }

    @Test func sequencesSkipFillerAndStopAtMalformedObjects() throws {
        let objects = try TLV.decodeSequence(hex("00FF8701AA0099029000FF"))
        #expect(objects.map(\.tag) == [0x87, 0x99])
        #expect(try objects.required(tag: 0x99).value == [0x90, 0x00])
        expectFailure(TLVError(.missingObject)) { _ = try objects.required(tag: 0x8E) }
        expectFailure(TLVError(.valueOverrunsInput)) { _ = try TLV.decodeSequence(hex("8701AA9905")) }
    }

    @Test func singleObjectMustFillTheInput() {
        expectFailure(TLVError(.trailingBytes)) { _ = try TLV(decoding: hex("6E01AA00"), expectedTag: 0x6E) }
        expectFailure(TLVError(.unexpectedTag)) { _ = try TLV(decoding: hex("6D01AA"), expectedTag: 0x6E) }
    }

    @Test func randomBytesNeverCrashTheParser() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let length = Int.random(in: 0..<24, using: &generator)
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            if let objects = try? TLV.decodeSequence(bytes) {
                #expect(objects.reduce(0) { $0 + $1.encoded.count } <= bytes.count)
            }
        }
    }
}
