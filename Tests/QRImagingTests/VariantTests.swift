import CCCDTestSupport
import Foundation
@testable import QRImaging
import Testing

/// The card as a camera or a phone sees it: tilted, small, noisy, washed out, out of focus.
/// Each variant is made from a qrencode image by ImageMagick and must still decode exactly.
@Suite(.enabled(if: ImageTools.haveBoth, "needs qrencode and ImageMagick convert (TEST_DEBS)"))
struct VariantTests {
    @Test("Degraded images of a 2024 card still decode byte-exact", arguments: [
        ("rotated 17°", ["-background", "white", "-rotate", "17", "-flatten"]),
        ("rotated 90°", ["-rotate", "90"]),
        ("upside down", ["-rotate", "180"]),
        ("scaled to 50%", ["-resize", "50%"]),
        ("scaled to 250%", ["-resize", "250%"]),
        ("Gaussian noise", ["-attenuate", "0.6", "+noise", "Gaussian"]),
        ("low contrast", ["+level", "38%,62%"]),
        ("blurred", ["-blur", "0x1"]),
        ("inverted, light on dark (a phone in dark mode)", ["-negate"]),
        ("tilted, noisy and blurred", ["-background", "white", "-rotate", "-8", "-flatten",
                                       "-attenuate", "0.4", "+noise", "Gaussian", "-blur", "0x0.8"]),
    ])
    func degraded(name: String, operations: [String]) async throws {
        try await withTemporaryDirectory { folder in
            let variant = try await ImageTools.variant(of: Samples.cccd2024, in: folder, options: operations)
            let symbols = try QRSymbolDecoder().decode(contentsOf: variant)
            #expect(symbols.map(\.bytes) == [Array(Samples.cccd2024.utf8)], "variant: \(name)")
        }
    }

    @Test("An upside-down code reports its orientation")
    func orientation() async throws {
        try await withTemporaryDirectory { folder in
            let flipped = try await ImageTools.variant(of: Samples.cccd2021, in: folder, options: ["-rotate", "180"])
            let original = folder.appendingPathComponent("original.png")
            #expect(try QRSymbolDecoder().decode(contentsOf: original).first?.orientation == .up)
            #expect(try QRSymbolDecoder().decode(contentsOf: flipped).first?.orientation == .down)
        }
    }

    @Test("Two codes in one picture are both returned")
    func twoCodes() async throws {
        let card = Array(Samples.cccd2021.utf8), insurance = Array(Samples.bhyt.utf8)
        try await withTemporaryDirectory { folder in
            let first = folder.appendingPathComponent("card.png")
            let second = folder.appendingPathComponent("bhyt.png")
            let both = folder.appendingPathComponent("both.png")
            try await ImageTools.encodeQR(card, to: first)
            try await ImageTools.encodeQR(insurance, to: second)
            try await ImageTools.convert([first.path, second.path, "-background", "white", "+append", both.path])
            let found = try QRSymbolDecoder().decode(contentsOf: both).map(\.bytes)
            #expect(found.count == 2)
            #expect(Set(found) == [card, insurance])
        }
    }

    @Test("A 1-D barcode beside the QR is ignored: only QR is enabled")
    func otherSymbologiesIgnored() async throws {
        let payload = Array(Samples.cccd2021.utf8)
        try await withTemporaryDirectory { folder in
            let png = folder.appendingPathComponent("qr.png")
            try await ImageTools.encodeQR(payload, to: png)
            let qr = try StillImageLoader.load(contentsOf: png)
            let scene = try #require(qr.besideEAN13("400638133393"))

            #expect(try QRSymbolDecoder().decode(scene).map(\.bytes) == [payload])
            // The EAN is real and readable: zbar's default symbologies find it too.
            let everything = try QRSymbolDecoder(binaryMode: true, onlyQR: false).decode(scene).map(\.bytes)
            #expect(Set(everything) == [payload, Array("4006381333931".utf8)])
        }
    }
}
