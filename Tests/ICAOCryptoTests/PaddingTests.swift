import ICAOCrypto
import Testing

@Suite struct PaddingTests {
    @Test func padsPartialAndEmptyAndAlignedData() {
        #expect(Padding.pad(hex("1234"), blockSize: 8).hexString == "1234800000000000")
        #expect(Padding.pad([], blockSize: 8).hexString == "8000000000000000")
        #expect(Padding.pad(hex("0011223344556677"), blockSize: 8).hexString == "00112233445566778000000000000000")
        #expect(Padding.pad(hex("01"), blockSize: 16).count == 16)
    }

    @Test func unpadRoundTrips() throws {
        for length in 0..<40 {
            let data = [UInt8](repeating: 0x80, count: length)
            #expect(try Padding.unpad(Padding.pad(data, blockSize: 16), blockSize: 16) == data)
        }
    }

    @Test(arguments: [
        "", "1234", "1234567800000000", "1234567812345678", "0000000000000000",
        "8000000000000000" + "0000000000000001", "1234567880000001",
    ])
    func unpadRejectsMalformedPadding(text: String) {
        #expect {
            _ = try Padding.unpad(hex(text), blockSize: 8)
        } throws: { error in
            (error as? CryptoError)?.reason == .invalidPadding
        }
    }

    @Test func markerMustBeInTheLastBlock() {
        // 80 followed by a whole zero block is not method-2 padding.
        #expect(throws: CryptoError.self) {
            _ = try Padding.unpad(hex("80000000000000000000000000000000"), blockSize: 8)
        }
    }
}
