public import CCCDIdentity

/// Why a still image or a camera frame produced no QR payload.
///
/// An extensible struct rather than an enum (the swift-certificates style): new kinds can be
/// added without breaking callers that switch on ``kind``. Messages never quote the image's
/// content or the decoded bytes; ``diagnostic`` may name the file and the library's own error
/// text, for the operator who supplied the file.
public struct QRImageError: UserFacingError, Equatable {
    /// What went wrong, for callers that branch (the CLI maps ``noSymbolFound`` to exit 66).
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        fileprivate let raw: String

        /// The path does not exist.
        public static let fileNotFound = Kind(raw: "fileNotFound")
        /// The file exists but could not be read (permission, a directory, an I/O error).
        public static let unreadableFile = Kind(raw: "unreadableFile")
        /// The bytes are not any image format (no known signature).
        public static let notAnImage = Kind(raw: "notAnImage")
        /// A recognised image format this module does not decode (e.g. GIF, ASCII PBM).
        public static let unsupportedFormat = Kind(raw: "unsupportedFormat")
        /// A recognised format whose content is damaged or truncated.
        public static let corruptImage = Kind(raw: "corruptImage")
        /// The file or its pixel dimensions exceed ``ImageLimits``.
        public static let imageTooLarge = Kind(raw: "imageTooLarge")
        /// The image decoded fine but holds no readable QR code.
        public static let noSymbolFound = Kind(raw: "noSymbolFound")
        /// libzbar itself failed (out of memory, internal error).
        public static let decoderFailure = Kind(raw: "decoderFailure")

        public var description: String { raw }
    }

    public let kind: Kind
    public let message: LocalizedText
    public let diagnostic: String?

    public var code: String { "qr.image.\(kind.raw)" }

    init(_ kind: Kind, _ message: LocalizedText, diagnostic: String? = nil) {
        self.kind = kind
        self.message = message
        self.diagnostic = diagnostic
    }
}

extension QRImageError {
    static func fileNotFound(_ path: String) -> Self {
        Self(.fileNotFound, LocalizedText(vi: "Không tìm thấy tệp ảnh", en: "Image file not found"),
             diagnostic: path)
    }

    static func unreadableFile(_ path: String, reason: String) -> Self {
        Self(.unreadableFile, LocalizedText(vi: "Không đọc được tệp ảnh", en: "Cannot read the image file"),
             diagnostic: "\(path): \(reason)")
    }

    static func notAnImage(_ detail: String? = nil) -> Self {
        Self(.notAnImage,
             LocalizedText(vi: "Tệp không phải là ảnh (PNG, JPEG, PGM/PPM)",
                           en: "The file is not an image (PNG, JPEG, PGM/PPM)"),
             diagnostic: detail)
    }

    static func unsupportedFormat(_ format: String) -> Self {
        Self(.unsupportedFormat,
             LocalizedText(vi: "Định dạng ảnh không được hỗ trợ; hãy dùng PNG, JPEG hoặc PGM/PPM",
                           en: "Unsupported image format; use PNG, JPEG or PGM/PPM"),
             diagnostic: format)
    }

    static func corrupt(_ format: String, _ libraryMessage: String) -> Self {
        Self(.corruptImage,
             LocalizedText(vi: "Tệp ảnh bị hỏng hoặc không đầy đủ",
                           en: "The image file is damaged or truncated"),
             diagnostic: "\(format): \(libraryMessage)")
    }

    static func tooLarge(_ detail: String) -> Self {
        Self(.imageTooLarge,
             LocalizedText(vi: "Ảnh quá lớn để xử lý", en: "The image is too large to process"),
             diagnostic: detail)
    }

    static func noSymbolFound() -> Self {
        Self(.noSymbolFound,
             LocalizedText(vi: "Không tìm thấy mã QR nào trong ảnh", en: "No QR code found in the image"))
    }

    static func decoderFailure(_ detail: String) -> Self {
        Self(.decoderFailure,
             LocalizedText(vi: "Bộ giải mã QR gặp lỗi", en: "The QR decoder failed"),
             diagnostic: detail)
    }
}
