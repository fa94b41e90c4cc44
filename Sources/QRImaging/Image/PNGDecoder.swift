import CLibPNG

/// PNG → ``GrayImage`` through libpng's simplified API.
///
/// The simplified API (`png_image`) converts palette, RGB, alpha, 16-bit and gamma-tagged
/// images to 8-bit gray itself, and — crucially for Swift — catches libpng's internal
/// `longjmp` errors inside libpng and reports them as a zero return plus
/// `png_image.warning_or_error` / `message`, so no non-local jump ever crosses a Swift frame.
enum PNGDecoder {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    static func decode(_ bytes: UnsafeRawBufferPointer, limits: ImageLimits) throws(QRImageError) -> GrayImage {
        var image = png_image()
        image.version = png_uint_32(PNG_IMAGE_VERSION)
        // Safe on every path: frees nothing when libpng already released the control block.
        defer { png_image_free(&image) }

        guard png_image_begin_read_from_memory(&image, bytes.baseAddress, bytes.count) != 0 else {
            throw .corrupt("PNG", failureMessage(image))
        }
        let width = Int(image.width), height = Int(image.height)
        try limits.check(width: width, height: height)

        image.format = png_uint_32(PNG_FORMAT_GRAY)
        // Transparent pixels are composited onto white: a QR drawn on a transparent canvas
        // must keep its light quiet zone (libpng reads the green channel for gray output).
        var white = png_color(red: 255, green: 255, blue: 255)
        var pixels = [UInt8](repeating: 0, count: width * height)
        let finished = pixels.withUnsafeMutableBytes { buffer in
            png_image_finish_read(&image, &white, buffer.baseAddress, png_int_32(width), nil)
        }
        guard finished != 0 else { throw .corrupt("PNG", failureMessage(image)) }
        guard let gray = GrayImage(width: width, height: height, pixels: pixels) else {
            throw .corrupt("PNG", "decoded buffer does not match \(width)×\(height)")
        }
        return gray
    }

    /// libpng's NUL-terminated `message[64]`, or a generic text when it left none.
    private static func failureMessage(_ image: png_image) -> String {
        var message = image.message
        let text = withUnsafeBytes(of: &message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        return text.isEmpty ? "libpng reported an error (code \(image.warning_or_error))" : text
    }
}
