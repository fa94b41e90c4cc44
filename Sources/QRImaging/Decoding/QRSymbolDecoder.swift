import CZbar

/// Finds QR codes in grayscale images with libzbar, returning each symbol's raw bytes.
///
/// Configuration, and why:
/// - Only `ZBAR_QRCODE` is enabled. The card and the desk around it carry other barcodes
///   (EAN on packaging, Code 128 on forms); a 1-D hit must never be mistaken for the card.
/// - `ZBAR_CFG_BINARY` is on for QR. Without it zbar guesses the text encoding of 8-bit
///   segments (SJIS, then Latin-1, Big5, UTF-8) and re-encodes to UTF-8, which garbles
///   Vietnamese names; with it zbar hands back the symbol's bytes untouched and the identity
///   parser decodes UTF-8 itself.
/// - `ZBAR_CFG_TEST_INVERTED` is on: when a frame yields nothing, zbar retries it inverted,
///   so a QR shown light-on-dark (the VNeID app on a phone in dark mode) still reads. The
///   retry only costs time on frames without a code.
///
/// Thread safety: a zbar image scanner keeps per-scan state and is not thread-safe, so this
/// class is deliberately not `Sendable`. Give each thread (the camera's capture thread, each
/// CLI invocation) its own decoder; creating one is cheap.
public final class QRSymbolDecoder {
    private let scanner: OpaquePointer

    /// Creates a scanner for QR codes only, in binary mode.
    public convenience init() throws(QRImageError) {
        try self.init(binaryMode: true)
    }

    /// Test-only switches, so tests can show what the product's settings prevent:
    /// `binaryMode: false` lets zbar guess text encodings, `onlyQR: false` leaves zbar's
    /// default symbologies (EAN, Code 128, …) on. The product always uses the defaults.
    init(binaryMode: Bool, onlyQR: Bool = true) throws(QRImageError) {
        guard let scanner = zbar_image_scanner_create() else {
            throw .decoderFailure("zbar_image_scanner_create returned NULL")
        }
        self.scanner = scanner
        let settings: [(zbar_symbol_type_t, zbar_config_t, Int32)] = [
            (ZBAR_NONE, ZBAR_CFG_ENABLE, onlyQR ? 0 : 1),  // ZBAR_NONE = every symbology
            (ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1),
            (ZBAR_QRCODE, ZBAR_CFG_BINARY, binaryMode ? 1 : 0),
            (ZBAR_NONE, ZBAR_CFG_TEST_INVERTED, 1),
        ]
        for (symbology, config, value) in settings
        where zbar_image_scanner_set_config(scanner, symbology, config, value) != 0 {
            throw .decoderFailure("zbar rejected config \(config.rawValue)=\(value) for \(symbology.rawValue)")
        }
    }

    deinit {
        zbar_image_scanner_destroy(scanner)
    }

    /// Every QR code zbar finds in `image`, in zbar's order; empty when there is none.
    ///
    /// An empty result is not an error here because a camera frame without a card is normal;
    /// file-level callers turn it into ``QRImageError/Kind/noSymbolFound``.
    public func decode(_ image: GrayImage) throws(QRImageError) -> [QRSymbol] {
        guard let width = UInt32(exactly: image.width), let height = UInt32(exactly: image.height) else {
            throw .tooLarge("\(image.width)×\(image.height) pixels exceed zbar's 32-bit sizes")
        }
        guard let zimage = zbar_image_create() else { throw .decoderFailure("zbar_image_create returned NULL") }
        defer { zbar_image_destroy(zimage) }
        zbar_image_set_format(zimage, Self.y800)
        zbar_image_set_size(zimage, width, height)

        let result: Result<[QRSymbol], QRImageError> = image.pixels.withUnsafeBufferPointer { pixels in
            // No cleanup handler: zbar borrows the Swift buffer only for the duration of the scan.
            zbar_image_set_data(zimage, pixels.baseAddress, UInt(pixels.count), nil)
            defer { zbar_image_set_data(zimage, nil, 0, nil) }
            guard zbar_scan_image(scanner, zimage) >= 0 else {
                return .failure(.decoderFailure("zbar_scan_image failed"))
            }
            return .success(Self.symbols(of: zimage))
        }
        return try result.get()
    }

    /// zbar's fourcc for 8-bit gray: `Y800`, little-endian.
    static let y800: UInt = fourcc("Y800")

    private static func fourcc(_ code: StaticString) -> UInt {
        code.withUTF8Buffer { bytes in
            bytes.reversed().reduce(UInt(0)) { $0 << 8 | UInt($1) }
        }
    }

    private static func symbols(of zimage: OpaquePointer) -> [QRSymbol] {
        var found: [QRSymbol] = []
        var symbol = zbar_image_first_symbol(zimage)
        while let current = symbol {
            found.append(QRSymbol(
                bytes: bytes(of: current),
                quality: Int(zbar_symbol_get_quality(current)),
                orientation: orientation(of: current)
            ))
            symbol = zbar_symbol_next(current)
        }
        return found
    }

    /// The symbol's data by pointer and length, never as a C string: binary payloads may hold NUL.
    private static func bytes(of symbol: OpaquePointer) -> [UInt8] {
        let length = Int(zbar_symbol_get_data_length(symbol))
        guard length > 0, let data = zbar_symbol_get_data(symbol) else { return [] }
        return [UInt8](UnsafeRawBufferPointer(start: data, count: length))
    }

    private static func orientation(of symbol: OpaquePointer) -> QRSymbol.Orientation {
        switch zbar_symbol_get_orientation(symbol) {
        case ZBAR_ORIENT_UP: .up
        case ZBAR_ORIENT_RIGHT: .right
        case ZBAR_ORIENT_DOWN: .down
        case ZBAR_ORIENT_LEFT: .left
        default: .unknown
        }
    }
}
