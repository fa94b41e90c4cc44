public import Foundation

/// The workload `cccd-bench` times: the whole still-image path, file to bytes.
public enum QRDecodeBenchmark {
    /// Reads, decodes and scans the image at `url` `iterations` times with one decoder (as
    /// `cccdctl` and the camera loop do) and returns the total number of symbols found, which
    /// the caller should check so the work cannot be optimised away.
    public static func decodeRepeatedly(
        contentsOf url: URL, iterations: Int, limits: ImageLimits = .default
    ) throws(QRImageError) -> Int {
        let decoder = try QRSymbolDecoder()
        var symbols = 0
        for _ in 0..<max(iterations, 0) {
            symbols += try decoder.decode(contentsOf: url, limits: limits).count
        }
        return symbols
    }
}
