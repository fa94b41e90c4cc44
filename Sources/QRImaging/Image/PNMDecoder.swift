/// Binary PGM (`P5`) and PPM (`P6`) → ``GrayImage``.
///
/// Netpbm is what ImageMagick, v4l2 tools and test rigs emit when nothing else is at hand, and
/// its header is short enough that a bounds-checked reader is safer than another C dependency.
/// Colour (P6) is reduced to luma with the BT.601 weights zbar itself uses; 16-bit samples
/// (maxval > 255, big-endian) are scaled to 8 bits.
enum PNMDecoder {
    static func decode(_ bytes: UnsafeRawBufferPointer, limits: ImageLimits) throws(QRImageError) -> GrayImage {
        var reader = HeaderReader(bytes: bytes)
        guard bytes.count >= 2, bytes[0] == UInt8(ascii: "P") else { throw .notAnImage() }
        let channels: Int
        switch bytes[1] {
        case UInt8(ascii: "5"): channels = 1
        case UInt8(ascii: "6"): channels = 3
        case UInt8(ascii: "1")...UInt8(ascii: "4"), UInt8(ascii: "7"):
            throw .unsupportedFormat("Netpbm P\(Character(UnicodeScalar(bytes[1]))) (only binary P5/P6)")
        default: throw .notAnImage()
        }
        reader.offset = 2
        let width = try reader.number(), height = try reader.number(), maxValue = try reader.number()
        // Exactly one whitespace byte separates the header from the samples.
        guard reader.offset < bytes.count, reader.isSpace(bytes[reader.offset]) else {
            throw .corrupt("PNM", "missing separator after the header")
        }
        reader.offset += 1
        guard (1...65_535).contains(maxValue) else { throw .corrupt("PNM", "maxval \(maxValue) out of range") }
        try limits.check(width: width, height: height)

        let sampleBytes = maxValue > 255 ? 2 : 1
        let pixelCount = width * height
        let needed = pixelCount * channels * sampleBytes
        guard bytes.count - reader.offset >= needed else {
            throw .corrupt("PNM", "truncated: \(bytes.count - reader.offset) of \(needed) sample bytes")
        }
        let samples = UnsafeRawBufferPointer(rebasing: bytes[reader.offset..<(reader.offset + needed)])
        var pixels = [UInt8](repeating: 0, count: pixelCount)
        for index in 0..<pixelCount {
            func sample(_ channel: Int) -> Int {
                let at = (index * channels + channel) * sampleBytes
                let raw = sampleBytes == 2 ? Int(samples[at]) << 8 | Int(samples[at + 1]) : Int(samples[at])
                return min(raw, maxValue) * 255 / maxValue
            }
            let luma = channels == 1 ? sample(0) : (77 * sample(0) + 150 * sample(1) + 29 * sample(2)) >> 8
            pixels[index] = UInt8(truncatingIfNeeded: luma)
        }
        guard let image = GrayImage(width: width, height: height, pixels: pixels) else {
            throw .corrupt("PNM", "decoded buffer does not match \(width)×\(height)")
        }
        return image
    }

    /// Reads the ASCII decimal fields of a Netpbm header, skipping whitespace and `#` comments.
    private struct HeaderReader {
        let bytes: UnsafeRawBufferPointer
        var offset = 0

        func isSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || (0x09...0x0D).contains(byte)
        }

        mutating func number() throws(QRImageError) -> Int {
            while offset < bytes.count {
                if isSpace(bytes[offset]) {
                    offset += 1
                } else if bytes[offset] == UInt8(ascii: "#") {
                    while offset < bytes.count, bytes[offset] != 0x0A, bytes[offset] != 0x0D { offset += 1 }
                } else {
                    break
                }
            }
            var value = 0, digits = 0
            while offset < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[offset]) {
                value = value * 10 + Int(bytes[offset] - UInt8(ascii: "0"))
                digits += 1
                offset += 1
                // Nine digits exceed every limit already; stop before Int could overflow.
                guard digits <= 9 else { throw .tooLarge("PNM header number has more than 9 digits") }
            }
            guard digits > 0 else { throw .corrupt("PNM", "header field is not a number") }
            return value
        }
    }
}
