import CCCDTestSupport
import Foundation
import QRImaging
import Testing

/// Bad input gets a specific typed error and never a crash.
struct ErrorTests {
    /// The error `body` throws, or `nil` when it succeeds; any other error type is a failure.
    private func caught(_ body: () throws -> some Any) -> QRImageError? {
        do {
            _ = try body()
            return nil
        } catch let error as QRImageError {
            return error
        } catch {
            Issue.record("untyped error \(error)")
            return nil
        }
    }

    private func kind(of body: () throws -> some Any) -> QRImageError.Kind? {
        caught(body)?.kind
    }

    private func write(_ bytes: [UInt8], _ name: String, in folder: URL) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    @Test("A missing file and a directory are told apart")
    func missingAndDirectory() async throws {
        try await withTemporaryDirectory { folder in
            let missing = folder.appendingPathComponent("nowhere.png")
            #expect(kind { try StillImageLoader.load(contentsOf: missing) } == .fileNotFound)
            #expect(kind { try StillImageLoader.load(contentsOf: folder) } == .unreadableFile)
        }
    }

    @Test("Text, empty and unknown files are not images; GIF and ASCII PGM are unsupported")
    func notImages() throws {
        let cases: [([UInt8], QRImageError.Kind)] = [
            (Array("001190000123|012345678|Nguyễn Thị Mẫu".utf8), .notAnImage),
            ([], .notAnImage),
            ([0x00, 0x01, 0x02, 0x03], .notAnImage),
            (Array("GIF89a".utf8) + [UInt8](repeating: 0, count: 20), .unsupportedFormat),
            (Array("P2\n2 2\n255\n0 0 0 0\n".utf8), .unsupportedFormat),
            (Array("RIFF\u{0}\u{0}\u{0}\u{0}WEBPVP8 ".utf8), .unsupportedFormat),
        ]
        for (bytes, expected) in cases {
            #expect(kind { try StillImageLoader.decode(bytes) } == expected)
        }
    }

    @Test(
        "Every truncation of a real PNG is a corrupt-image error, never a crash",
        .enabled(if: ImageTools.haveQREncode, "needs qrencode (TEST_DEBS)")
    )
    func truncatedPNG() async throws {
        try await withTemporaryDirectory { folder in
            let png = folder.appendingPathComponent("card.png")
            try await ImageTools.encodeQR(Array(Samples.cccd2021.utf8), to: png)
            let whole = try [UInt8](Data(contentsOf: png))
            for length in stride(from: 8, to: whole.count - 12, by: 7) {  // keeps the signature, loses IEND
                let kind = kind { try StillImageLoader.decode(Array(whole.prefix(length))) }
                #expect(kind == .corruptImage, "cut at \(length) of \(whole.count)")
            }
        }
    }

    @Test(
        "A PNG with a damaged data chunk is corrupt, with libpng's reason in the diagnostic",
        .enabled(if: ImageTools.haveQREncode, "needs qrencode (TEST_DEBS)")
    )
    func damagedPNG() async throws {
        try await withTemporaryDirectory { folder in
            let png = folder.appendingPathComponent("card.png")
            try await ImageTools.encodeQR(Array(Samples.cccd2021.utf8), to: png)
            var bytes = try [UInt8](Data(contentsOf: png))
            let tag = Array("IDAT".utf8)
            let idat = try #require(bytes.indices.dropLast(4).first { Array(bytes[$0..<($0 + 4)]) == tag })
            for offset in (idat + 6)..<(idat + 30) { bytes[offset] ^= 0x5A }
            let error = try #require(caught { try StillImageLoader.decode(bytes) })
            #expect(error.kind == .corruptImage)
            #expect(error.code == "qr.image.corruptImage")
            #expect(error.diagnostic?.hasPrefix("PNG: ") == true)
            #expect(error.diagnostic?.count ?? 0 > "PNG: ".count)
        }
    }

    @Test("A header claiming a huge image is refused before any allocation")
    func hugePNGHeader() throws {
        let hostile = PNGChunks.file(width: 30_000, height: 30_000)
        #expect(kind { try StillImageLoader.decode(hostile) } == .imageTooLarge)
        let strip = PNGChunks.file(width: 900_000, height: 1)
        #expect(kind { try StillImageLoader.decode(strip) } == .imageTooLarge)
        // The same well-formed header within the limits gets past the size check to the empty data.
        let small = PNGChunks.file(width: 10, height: 10)
        #expect(kind { try StillImageLoader.decode(small) } == .corruptImage)
    }

    @Test(
        "Caller-supplied limits apply to pixels and to file size",
        .enabled(if: ImageTools.haveQREncode, "needs qrencode (TEST_DEBS)")
    )
    func limits() async throws {
        try await withTemporaryDirectory { folder in
            let png = folder.appendingPathComponent("card.png")
            try await ImageTools.encodeQR(Array(Samples.cccd2021.utf8), to: png)
            let fewPixels = ImageLimits(maxPixels: 100)
            #expect(kind { try StillImageLoader.load(contentsOf: png, limits: fewPixels) } == .imageTooLarge)
            let fewBytes = ImageLimits(maxFileBytes: 64)
            #expect(kind { try StillImageLoader.load(contentsOf: png, limits: fewBytes) } == .imageTooLarge)
        }
    }

    @Test(
        "Truncated JPEG files are corrupt",
        .enabled(if: ImageTools.haveBoth, "needs qrencode and ImageMagick convert (TEST_DEBS)")
    )
    func truncatedJPEG() async throws {
        try await withTemporaryDirectory { folder in
            let jpeg = try await ImageTools.variant(
                of: Samples.cccd2021, in: folder, options: [], output: "JPEG:card.jpg"
            )
            let whole = try [UInt8](Data(contentsOf: jpeg))
            #expect(kind { try StillImageLoader.decode(Array(whole.prefix(whole.count / 2))) } == .corruptImage)
            #expect(kind { try StillImageLoader.decode(Array(whole.prefix(40))) } == .corruptImage)
        }
    }

    @Test("Damaged Netpbm files are corrupt or too large")
    func damagedPNM() {
        let pnm: [[UInt8]] = [
            Array("P5\n4 4\n255\n".utf8) + [1, 2, 3],                     // too few samples
            Array("P6 2 2 0\n".utf8) + [UInt8](repeating: 0, count: 12),  // maxval 0
            Array("P5\n# comment only".utf8),                             // header ends early
            Array("P5 x 2 255\n".utf8),                                   // not a number
        ]
        for bytes in pnm {
            #expect(kind { try StillImageLoader.decode(bytes) } == .corruptImage)
        }
        #expect(kind { try StillImageLoader.decode(Array("P5 99999999999 2 255\n".utf8)) } == .imageTooLarge)
    }

    @Test(
        "A photo-like image without a QR code is its own error, with a message free of the path",
        .enabled(if: ImageTools.haveBoth, "needs qrencode and ImageMagick convert (TEST_DEBS)")
    )
    func noSymbol() async throws {
        try await withTemporaryDirectory { folder in
            let photo = folder.appendingPathComponent("Nguyễn Thị Mẫu.png")
            try await ImageTools.convert(
                ["-seed", "3", "-size", "480x320", "plasma:fractal", "-blur", "0x2", photo.path]
            )
            let decoder = try QRSymbolDecoder()
            let error = try #require(caught { try decoder.decode(contentsOf: photo) })
            #expect(error.kind == .noSymbolFound)
            #expect(error.code == "qr.image.noSymbolFound")
            #expect(!error.message.vi.isEmpty && !error.message.en.isEmpty)
            #expect(!error.description.contains("Mẫu"))
        }
    }

    @Test("Error messages never carry the file name; the diagnostic does")
    func personalDataStaysInDiagnostic() async throws {
        try await withTemporaryDirectory { folder in
            let missing = folder.appendingPathComponent("Trần Văn Thử.png")
            let error = try #require(caught { try StillImageLoader.load(contentsOf: missing) })
            #expect(!error.message.vi.contains("Thử") && !error.message.en.contains("Thử"))
            #expect(!error.description.contains("Thử"))
            #expect(error.diagnostic?.contains("Trần Văn Thử.png") == true)
        }
    }

    @Test("A gray image rejects a buffer that does not match its size")
    func grayImageValidation() {
        #expect(GrayImage(width: 2, height: 2, pixels: [0, 0, 0]) == nil)
        #expect(GrayImage(width: 0, height: 0, pixels: []) == nil)
        #expect(GrayImage(width: Int.max, height: 2, pixels: []) == nil)
        #expect(GrayImage(width: 2, height: 1, pixels: [0, 255]) != nil)
    }

    @Test("A blank frame decodes to no symbols rather than an error")
    func blankFrame() throws {
        let white = try #require(GrayImage(width: 64, height: 48, pixels: [UInt8](repeating: 255, count: 64 * 48)))
        #expect(try QRSymbolDecoder().decode(white).isEmpty)
    }
}
