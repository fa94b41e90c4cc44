import CCCDTestSupport
import Foundation
import QRImaging
import Testing

/// Every pixel layout libpng, libjpeg-turbo and the Netpbm reader must turn into gray.
@Suite(.enabled(if: ImageTools.haveBoth, "needs qrencode and ImageMagick convert (TEST_DEBS)"))
struct FormatTests {
    @Test("The same code decodes from every supported encoding of the image", arguments: [
        ("palette PNG", "PNG8:variant.png", [String]()),
        ("RGB PNG", "PNG24:variant.png", ["-fill", "navy", "-opaque", "black"]),
        ("RGBA PNG, transparent background", "PNG32:variant.png", ["-transparent", "white"]),
        ("gray+alpha PNG", "PNG:variant.png", ["-colorspace", "Gray", "-transparent", "white",
                                               "-define", "png:color-type=4"]),
        ("16-bit RGB PNG", "PNG48:variant.png", [String]()),
        ("16-bit RGBA PNG", "PNG64:variant.png", ["-transparent", "white"]),
        ("1-bit gray PNG", "PNG:variant.png", ["-define", "png:bit-depth=1", "-define", "png:color-type=0"]),
        ("interlaced PNG", "PNG:variant.png", ["-interlace", "PNG"]),
        ("JPEG", "JPEG:variant.jpg", ["-quality", "80"]),
        ("progressive JPEG", "JPEG:variant.jpg", ["-interlace", "JPEG", "-quality", "85"]),
        ("grayscale JPEG", "JPEG:variant.jpg", ["-colorspace", "Gray", "-quality", "75"]),
        ("binary PGM", "PGM:variant.pgm", [String]()),
        ("16-bit PGM", "PGM:variant.pgm", ["-depth", "16"]),
        ("binary PPM", "PPM:variant.ppm", ["-fill", "darkgreen", "-opaque", "black"]),
    ])
    func formats(name: String, output: String, options: [String]) async throws {
        try await withTemporaryDirectory { folder in
            let file = try await ImageTools.variant(of: Samples.elderly, in: folder, options: options, output: output)
            let symbols = try QRSymbolDecoder().decode(contentsOf: file)
            #expect(symbols.map(\.bytes) == [Array(Samples.elderly.utf8)], "format: \(name)")
        }
    }

    @Test("A transparent canvas is laid on white, so the quiet zone stays light")
    func transparencyBecomesWhite() async throws {
        try await withTemporaryDirectory { folder in
            let clear = try await ImageTools.variant(
                of: Samples.cccd2021, in: folder, options: ["-transparent", "white"], output: "PNG32:clear.png"
            )
            let image = try StillImageLoader.load(contentsOf: clear)
            #expect(image.pixels.first == 255)
            #expect(image.pixels.last == 255)
        }
    }

    @Test("Extension does not matter, the signature does: a PNG named .jpg loads")
    func signatureNotExtension() async throws {
        try await withTemporaryDirectory { folder in
            let misnamed = folder.appendingPathComponent("photo.jpg")
            try await ImageTools.encodeQR(Array(Samples.cccd2024.utf8), to: misnamed)
            #expect(try QRSymbolDecoder().decode(contentsOf: misnamed).map(\.bytes) == [Array(Samples.cccd2024.utf8)])
        }
    }

    @Test("A CMYK JPEG is reported as unsupported, not as damaged")
    func cmykJPEG() async throws {
        try await withTemporaryDirectory { folder in
            let cmyk = try await ImageTools.variant(
                of: Samples.cccd2021, in: folder, options: ["-colorspace", "CMYK"], output: "JPEG:cmyk.jpg"
            )
            let error = #expect(throws: QRImageError.self) { try StillImageLoader.load(contentsOf: cmyk) }
            #expect(error?.kind == .unsupportedFormat)
            #expect(error?.diagnostic == "CMYK JPEG")
        }
    }
}
