import CCCDTestSupport
import Foundation
@testable import QRImaging
import Testing

/// qrencode (an independent encoder) → PNG → libpng → libzbar → the exact bytes back.
@Suite(.enabled(if: ImageTools.haveQREncode, "needs qrencode (TEST_DEBS)"))
struct RoundTripTests {
    @Test("CCCD payloads with full Vietnamese diacritics come back byte-exact", arguments: [
        Samples.cccd2021, Samples.cccd2024, Samples.elderly,
    ])
    func vietnameseRoundTrip(payload: String) async throws {
        try await withTemporaryDirectory { folder in
            let png = folder.appendingPathComponent("card.png")
            try await ImageTools.encodeQR(Array(payload.utf8), to: png)
            let symbols = try QRSymbolDecoder().decode(contentsOf: png)
            #expect(symbols.count == 1)
            #expect(symbols.first?.bytes == Array(payload.utf8))
            #expect(symbols.first?.orientation == .up)
        }
    }

    @Test("A BHYT-style ASCII payload round-trips")
    func bhytRoundTrip() async throws {
        try await withTemporaryDirectory { folder in
            let png = folder.appendingPathComponent("bhyt.png")
            try await ImageTools.encodeQR(Array(Samples.bhyt.utf8), to: png)
            let payloads = try QRSymbolDecoder().payloads(contentsOf: png)
            #expect(payloads.map(\.bytes) == [Array(Samples.bhyt.utf8)])
            #expect(payloads.first?.transport == .image)
            #expect(payloads.first?.fidelity == .exact)
        }
    }

    @Test("Bytes that are not UTF-8, including NUL, come back exactly (binary mode)")
    func invalidUTF8RoundTrip() async throws {
        // 0xC3 0x28 is an invalid UTF-8 sequence, 0xFF never occurs in UTF-8, NUL would end a C string.
        let payload: [UInt8] = Array("079205000456|".utf8) + [0xC3, 0x28, 0x00, 0xFF, 0xFE, 0x80, 0x00]
            + Array("|end".utf8)
        #expect(String(validating: payload, as: UTF8.self) == nil)
        try await withTemporaryDirectory { folder in
            let png = folder.appendingPathComponent("binary.png")
            try await ImageTools.encodeQR(payload, to: png)
            let symbols = try QRSymbolDecoder().decode(contentsOf: png)
            #expect(symbols.map(\.bytes) == [payload])
        }
    }

    @Test("Binary mode returns the exact UTF-8 of a name with stacked diacritics")
    func stackedDiacritics() async throws {
        let name = Array("Đặng Thị Ngọc Hường".utf8)
        try await withTemporaryDirectory { folder in
            let png = folder.appendingPathComponent("name.png")
            try await ImageTools.encodeQR(name, to: png)
            #expect(try QRSymbolDecoder().decode(contentsOf: png).map(\.bytes) == [name])
        }
    }

    /// Why binary mode is on: zbar's guess (Shift-JIS first) accepts any UTF-8 that happens to
    /// be valid Shift-JIS, and returns mojibake ("Tr蘯ｧn Vﾄハ Th盻ｭ"). Whether a name is hit
    /// depends on its letters ("Đặng Thị Ngọc Hường" is not valid Shift-JIS and survives), so
    /// the bug is intermittent in the field — these names are hit.
    @Test("Without binary mode zbar garbles these Vietnamese names; with it they are exact", arguments: [
        "Trần Văn Thử", "Ngô Bảo Châu", "Huỳnh Tấn Phát",
    ])
    func binaryModeMatters(name: String) async throws {
        let bytes = Array(name.utf8)
        try await withTemporaryDirectory { folder in
            let png = folder.appendingPathComponent("name.png")
            try await ImageTools.encodeQR(bytes, to: png)
            let image = try StillImageLoader.load(contentsOf: png)

            #expect(try QRSymbolDecoder().decode(image).map(\.bytes) == [bytes])

            let guessing = try QRSymbolDecoder(binaryMode: false).decode(image)
            #expect(guessing.count == 1)
            #expect(guessing.first?.bytes != bytes)
            let seen = String(decoding: guessing.first?.bytes ?? [], as: UTF8.self)
            print("zbar's text guess turned an invented name into \(seen)")
        }
    }
}

/// The images `make demo` decodes must hold exactly the payloads `scripts/make-sample-qr.sh`
/// encoded (the same strings as ``Samples``).
struct ShippedSampleTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Samples/qr")

    @Test("Samples/qr images decode to their invented payloads", arguments: [
        ("cccd-2021-nguyen-thi-mau.png", Samples.cccd2021),
        ("cccd-2024-tran-van-thu.png", Samples.cccd2024),
        ("cccd-2021-dang-thi-ngoc-huong.png", Samples.elderly),
    ])
    func shippedSample(file: String, payload: String) throws {
        let url = Self.folder.appendingPathComponent(file)
        #expect(try QRSymbolDecoder().payloads(contentsOf: url).map(\.bytes) == [Array(payload.utf8)])
    }
}
