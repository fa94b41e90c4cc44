import QRImaging

/// Draws an EAN-13 barcode, the 1-D code most likely to share a desk with a card, so tests
/// can put one beside a QR. The encoding is the GS1 table; the check digit is computed.
enum EAN13 {
    private static let left: [String] = [
        "0001101", "0011001", "0010011", "0111101", "0100011", "0110001", "0101111", "0111011", "0110111", "0001011",
    ]
    private static let parity: [String] = [
        "LLLLLL", "LLGLGG", "LLGGLG", "LLGGGL", "LGLLGG", "LGGLLG", "LGGGLG", "LGLGGL", "LGLGLG", "LGGLGL",
    ]

    /// The 95 modules ("1" = bar) of the 12 `digits` plus their check digit.
    static func modules(_ digits: String) -> String? {
        let values = digits.compactMap(\.wholeNumberValue)
        guard values.count == 12 else { return nil }
        let weighted = values.enumerated().reduce(0) { $0 + $1.element * ($1.offset % 2 == 0 ? 1 : 3) }
        let all = values + [(10 - weighted % 10) % 10]
        func rCode(_ digit: Int) -> String { String(left[digit].map { $0 == "0" ? "1" : "0" }) }
        var bars = "101"
        for (index, digit) in all[1...6].enumerated() {
            bars += Array(parity[all[0]])[index] == "L" ? left[digit] : String(rCode(digit).reversed())
        }
        bars += "01010"
        for digit in all[7...12] { bars += rCode(digit) }
        return bars + "101"
    }
}

extension GrayImage {
    /// This image with an EAN-13 of `digits` drawn to its right, on white.
    func besideEAN13(_ digits: String, moduleWidth: Int = 3, barHeight: Int = 120) -> GrayImage? {
        guard let bars = EAN13.modules(digits) else { return nil }
        let quiet = 12 * moduleWidth
        let codeWidth = bars.count * moduleWidth + 2 * quiet
        let totalWidth = width + codeWidth, totalHeight = max(height, barHeight + 2 * quiet)
        var pixels = [UInt8](repeating: 255, count: totalWidth * totalHeight)
        for y in 0..<height {
            for x in 0..<width { pixels[y * totalWidth + x] = self.pixels[y * width + x] }
        }
        for (index, module) in bars.enumerated() where module == "1" {
            for y in quiet..<(quiet + barHeight) {
                for dx in 0..<moduleWidth { pixels[y * totalWidth + width + quiet + index * moduleWidth + dx] = 0 }
            }
        }
        return GrayImage(width: totalWidth, height: totalHeight, pixels: pixels)
    }
}
