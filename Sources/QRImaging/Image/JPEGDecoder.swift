import CTurboJPEG

/// JPEG → ``GrayImage`` through libjpeg-turbo's TurboJPEG API.
///
/// Phone photos of a card are JPEG. The TurboJPEG wrapper is used instead of raw libjpeg
/// because libjpeg reports errors by `longjmp` from a callback, which must never unwind
/// through Swift frames; TurboJPEG catches that inside C and returns -1 with a message.
/// Warnings (a truncated file, "premature end of data") are treated as corruption: a
/// half-decoded image is not accepted.
enum JPEGDecoder {
    static func isJPEG(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.count >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF
    }

    static func decode(_ bytes: UnsafeRawBufferPointer, limits: ImageLimits) throws(QRImageError) -> GrayImage {
        guard let handle = tjInitDecompress() else { throw .decoderFailure("tjInitDecompress failed") }
        defer { tjDestroy(handle) }
        guard let source = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { throw .notAnImage() }
        let size = UInt(bytes.count)

        var width: Int32 = 0, height: Int32 = 0, subsampling: Int32 = 0, colorspace: Int32 = 0
        guard tjDecompressHeader3(handle, source, size, &width, &height, &subsampling, &colorspace) == 0 else {
            throw .corrupt("JPEG", errorText(handle))
        }
        try limits.check(width: Int(width), height: Int(height))
        // TurboJPEG cannot turn CMYK/YCCK (print-workflow files, never camera output) into gray.
        if colorspace == Int32(TJCS_CMYK.rawValue) || colorspace == Int32(TJCS_YCCK.rawValue) {
            throw .unsupportedFormat("CMYK JPEG")
        }

        var pixels = [UInt8](repeating: 0, count: Int(width) * Int(height))
        let status = pixels.withUnsafeMutableBufferPointer { buffer in
            tjDecompress2(handle, source, size, buffer.baseAddress, width, width, height,
                          Int32(TJPF_GRAY.rawValue), TJFLAG_STOPONWARNING)
        }
        guard status == 0 else { throw .corrupt("JPEG", errorText(handle)) }
        guard let image = GrayImage(width: Int(width), height: Int(height), pixels: pixels) else {
            throw .corrupt("JPEG", "decoded buffer does not match \(width)×\(height)")
        }
        return image
    }

    private static func errorText(_ handle: tjhandle) -> String {
        guard let text = tjGetErrorStr2(handle) else { return "libjpeg-turbo reported an error" }
        return String(cString: text)
    }
}
