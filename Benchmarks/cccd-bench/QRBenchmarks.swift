import CCCDIdentity
import Foundation
import QRImaging

/// QR parse and image decode.
///
/// Anchors: for parsing, splitting the same UTF-8 bytes on `|` into Strings — the least work any
/// parser must do — so the ratio is the price of validation. For decoding, zbar scanning an image
/// already in memory — the library's own floor — so the ratio is the price of reading the file
/// and the product's wrapping.
func qrBenchmarks(samples: URL) throws -> [Comparison] {
    let payload = Array(
        "001190000123|012345678|Nguyễn Thị Mẫu|15031990|Nữ|Số 1 phố Ví Dụ, Phường Mẫu, Quận Thử, Hà Nội|01072021".utf8
    )
    let parse = try measure("parse CCCD payload", iterations: 20_000) {
        blackHole(try ScannedQR.parse(bytes: payload))
    }
    let split = measure("split on the field separator", iterations: 20_000) {
        blackHole(payload.split(separator: UInt8(ascii: "|"), omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) })
    }

    let image = samples.appendingPathComponent("cccd-2021-nguyen-thi-mau.png")
    let decoder = try QRSymbolDecoder()
    let decodeFile = try measure("decode PNG file (load + zbar + copy)", iterations: 50) {
        blackHole(try decoder.decode(contentsOf: image))
    }
    let loaded = try StillImageLoader.load(contentsOf: image)
    let zbarOnly = try measure("zbar scan of the decoded image", iterations: 50) {
        blackHole(try decoder.decode(loaded))
    }
    return [
        Comparison(figure: parse, anchor: split, target: .under(microseconds: 10)),
        Comparison(figure: decodeFile, anchor: zbarOnly, target: .report),
    ]
}
