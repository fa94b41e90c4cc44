/// An 8-bit grayscale image, one byte per pixel, rows top to bottom with no padding.
///
/// This is zbar's `Y800` (`GREY`) layout, the only format its image scanner accepts, so every
/// source — PNG, JPEG, PGM/PPM files and camera frames — is converted to it once, up front.
public struct GrayImage: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// `width × height` luminance samples, 0 = black, 255 = white.
    public let pixels: [UInt8]

    /// Wraps `pixels`; `nil` when the dimensions are not positive or do not match the buffer.
    public init?(width: Int, height: Int, pixels: [UInt8]) {
        guard width > 0, height > 0,
              case let (count, overflow) = width.multipliedReportingOverflow(by: height),
              !overflow, count == pixels.count
        else { return nil }
        self.width = width
        self.height = height
        self.pixels = pixels
    }
}
