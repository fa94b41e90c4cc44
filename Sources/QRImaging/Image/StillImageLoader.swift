public import Foundation

/// Reads an image file or buffer into a ``GrayImage``, choosing the decoder by signature.
///
/// The file name's extension is ignored: the signature decides, so a PNG saved as `.jpg`
/// by a phone still works and a renamed text file gets ``QRImageError/Kind/notAnImage``.
public enum StillImageLoader {
    /// Loads the image at `url` (PNG, JPEG, binary PGM/PPM).
    public static func load(contentsOf url: URL, limits: ImageLimits = .default) throws(QRImageError) -> GrayImage {
        let bytes = try readFile(url, limit: limits.maxFileBytes)
        return try decode(bytes, limits: limits)
    }

    /// Decodes an in-memory image (PNG, JPEG, binary PGM/PPM).
    public static func decode(_ bytes: [UInt8], limits: ImageLimits = .default) throws(QRImageError) -> GrayImage {
        guard bytes.count <= limits.maxFileBytes else {
            throw .tooLarge("\(bytes.count) bytes; the limit is \(limits.maxFileBytes)")
        }
        // `withUnsafeBytes` is not typed-throws; carry the error out as a Result.
        let result: Result<GrayImage, QRImageError> = bytes.withUnsafeBytes { raw in
            Result { () throws(QRImageError) in try decode(raw, limits: limits) }
        }
        return try result.get()
    }

    private static func decode(_ raw: UnsafeRawBufferPointer, limits: ImageLimits) throws(QRImageError) -> GrayImage {
        if raw.starts(with: PNGDecoder.signature) { return try PNGDecoder.decode(raw, limits: limits) }
        if JPEGDecoder.isJPEG(raw) { return try JPEGDecoder.decode(raw, limits: limits) }
        if raw.count >= 2, raw[0] == UInt8(ascii: "P"), (UInt8(ascii: "1")...UInt8(ascii: "7")).contains(raw[1]) {
            return try PNMDecoder.decode(raw, limits: limits)
        }
        if let known = KnownUnsupportedFormat(raw) { throw .unsupportedFormat(known.rawValue) }
        throw .notAnImage()
    }

    private static func readFile(_ url: URL, limit: Int) throws(QRImageError) -> [UInt8] {
        let path = url.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .fileNotFound(path)
        }
        guard !isDirectory.boolValue else { throw .unreadableFile(path, reason: "is a directory") }
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            // Read one byte past the limit so an oversized file is detected without reading it all.
            let data = try handle.read(upToCount: limit == .max ? limit : limit + 1) ?? Data()
            guard data.count <= limit else { throw QRImageError.tooLarge("file exceeds \(limit) bytes") }
            return [UInt8](data)
        } catch let error as QRImageError {
            throw error
        } catch {
            throw .unreadableFile(path, reason: error.localizedDescription)
        }
    }
}

/// Image formats recognised by signature only, so the error says "unsupported" rather than
/// "not an image" and the operator knows to convert the file.
private enum KnownUnsupportedFormat: String {
    case gif = "GIF", webp = "WebP", bmp = "BMP", tiff = "TIFF", jpeg2000 = "JPEG 2000", heif = "HEIF/AVIF"

    init?(_ raw: UnsafeRawBufferPointer) {
        func has(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
            raw.count >= offset + prefix.count && raw[offset..<(offset + prefix.count)].elementsEqual(prefix)
        }
        if has(Array("GIF8".utf8)) { self = .gif }
        else if has(Array("RIFF".utf8)), has(Array("WEBP".utf8), at: 8) { self = .webp }
        else if has(Array("BM".utf8)), has([0, 0, 0, 0], at: 6) { self = .bmp }  // reserved words are zero
        else if has([0x49, 0x49, 0x2A, 0x00]) || has([0x4D, 0x4D, 0x00, 0x2A]) { self = .tiff }
        else if has([0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50]) || has([0xFF, 0x4F, 0xFF, 0x51]) { self = .jpeg2000 }
        else if has(Array("ftyp".utf8), at: 4) { self = .heif }
        else { return nil }
    }
}
