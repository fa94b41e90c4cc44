import CCCDTestSupport
import Foundation
import QRImaging
import Testing

/// Hostile bytes: real PNG, JPEG and PGM files with bytes overwritten at random (seeded, so a
/// failure reproduces). Every outcome must be an image or a typed ``QRImageError``: no crash,
/// no trap, no other error type.
@Suite(.enabled(if: ImageTools.haveBoth, "needs qrencode and ImageMagick convert (TEST_DEBS)"))
struct MutationTests {
    /// SplitMix64: tiny, seedable, good enough to pick offsets and values.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test("Randomly damaged images decode or fail with a typed error", arguments: [
        "PNG:card.png", "JPEG:card.jpg", "PGM:card.pgm",
    ])
    func mutated(output: String) async throws {
        try await withTemporaryDirectory { folder in
            let file = try await ImageTools.variant(of: Samples.cccd2021, in: folder, options: [], output: output)
            let original = try [UInt8](Data(contentsOf: file))
            var random = SeededGenerator(state: 2024)
            let decoder = try QRSymbolDecoder()
            var outcomes: [String: Int] = [:]
            for _ in 0..<300 {
                var bytes = original
                for _ in 0..<Int.random(in: 1...8, using: &random) {
                    bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
                }
                if Bool.random(using: &random) { bytes.removeLast(Int.random(in: 0..<bytes.count, using: &random)) }
                do {
                    let image = try StillImageLoader.decode(bytes)
                    _ = try decoder.decode(image)
                    outcomes["decoded", default: 0] += 1
                } catch let error as QRImageError {
                    outcomes[error.code, default: 0] += 1
                } catch {
                    Issue.record("untyped error \(error)")
                }
            }
            print("\(output): \(outcomes.sorted { $0.key < $1.key })")
            // The damage did reach the decoders (it was not all absorbed harmlessly).
            #expect(outcomes["qr.image.corruptImage", default: 0] > 0)
        }
    }
}
