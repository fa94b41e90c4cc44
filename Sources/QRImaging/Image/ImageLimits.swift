/// Upper bounds applied before any pixel buffer is allocated.
///
/// A PNG header can claim 2³¹ × 2³¹ pixels in a few dozen bytes; without a bound, one hostile
/// file dropped into `cccdctl qr decode` (or the kiosk's upload path) would exhaust memory.
/// The defaults comfortably fit a 50-megapixel phone photo of a card.
public struct ImageLimits: Sendable, Equatable {
    /// Largest file read into memory, in bytes.
    public var maxFileBytes: Int
    /// Largest `width × height` decoded.
    public var maxPixels: Int
    /// Largest single side, in pixels (guards absurd 1 × 10⁸ strips that fit `maxPixels`).
    public var maxSide: Int

    public init(maxFileBytes: Int = 128 << 20, maxPixels: Int = 64_000_000, maxSide: Int = 32_768) {
        self.maxFileBytes = maxFileBytes
        self.maxPixels = maxPixels
        self.maxSide = maxSide
    }

    public static let `default` = ImageLimits()

    /// Throws ``QRImageError/Kind/imageTooLarge`` unless `width × height` is within bounds.
    func check(width: Int, height: Int) throws(QRImageError) {
        guard width > 0, height > 0 else { throw .corrupt("image", "zero width or height") }
        guard width <= maxSide, height <= maxSide else {
            throw .tooLarge("\(width)×\(height) pixels; the limit is \(maxSide) per side")
        }
        let (pixels, overflow) = width.multipliedReportingOverflow(by: height)
        guard !overflow, pixels <= maxPixels else {
            throw .tooLarge("\(width)×\(height) pixels; the limit is \(maxPixels) pixels")
        }
    }
}
