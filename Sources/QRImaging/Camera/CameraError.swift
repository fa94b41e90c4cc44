public import CCCDIdentity

/// Why a camera could not be opened or stopped delivering frames.
///
/// ``isRetryable`` splits the kinds the way ``ScanSource`` needs: a missing or failing device
/// is reported as `.disconnected` and reopened with backoff; a permission problem or a node
/// that is not a capture device is thrown, because only the admin can fix it.
public struct CameraError: UserFacingError, Equatable {
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        fileprivate let raw: String
        fileprivate let retryable: Bool

        /// The device node does not exist (unplugged, not yet enumerated).
        public static let deviceMissing = Kind(raw: "deviceMissing", retryable: true)
        /// The node exists but opening or starting capture failed.
        public static let openFailed = Kind(raw: "openFailed", retryable: true)
        /// Capture stopped mid-stream (unplugged, driver error).
        public static let captureFailed = Kind(raw: "captureFailed", retryable: true)
        /// The service user may not open the node (missing `video` group / udev rule).
        public static let permissionDenied = Kind(raw: "permissionDenied", retryable: false)
        /// The node opened but offers no image format zbar can read (e.g. a metadata node).
        public static let notACaptureDevice = Kind(raw: "notACaptureDevice", retryable: false)
        /// The QR decoder could not be created.
        public static let decoderUnavailable = Kind(raw: "decoderUnavailable", retryable: false)

        public var description: String { raw }
    }

    public let kind: Kind
    public let message: LocalizedText
    public let diagnostic: String?

    public var code: String { "qr.camera.\(kind.raw)" }
    public var isRetryable: Bool { kind.retryable }

    init(_ kind: Kind, _ message: LocalizedText, diagnostic: String? = nil) {
        self.kind = kind
        self.message = message
        self.diagnostic = diagnostic
    }
}

extension CameraError {
    static func deviceMissing(_ path: String) -> Self {
        Self(.deviceMissing, LocalizedText(vi: "Không thấy camera", en: "Camera not present"), diagnostic: path)
    }

    static func openFailed(_ path: String, _ detail: String) -> Self {
        Self(.openFailed, LocalizedText(vi: "Không mở được camera", en: "Cannot open the camera"),
             diagnostic: "\(path): \(detail)")
    }

    static func captureFailed(_ path: String, _ detail: String) -> Self {
        Self(.captureFailed, LocalizedText(vi: "Camera ngừng gửi hình", en: "The camera stopped sending frames"),
             diagnostic: "\(path): \(detail)")
    }

    static func permissionDenied(_ path: String) -> Self {
        Self(.permissionDenied,
             LocalizedText(vi: "Không có quyền mở camera; thêm người dùng dịch vụ vào nhóm video",
                           en: "No permission to open the camera; add the service user to the video group"),
             diagnostic: path)
    }

    static func notACaptureDevice(_ path: String, _ detail: String) -> Self {
        Self(.notACaptureDevice,
             LocalizedText(vi: "Thiết bị này không phải camera ghi hình; hãy chọn /dev/video khác",
                           en: "This device is not a video capture device; choose another /dev/video node"),
             diagnostic: "\(path): \(detail)")
    }

    static func decoderUnavailable(_ cause: QRImageError) -> Self {
        Self(.decoderUnavailable, cause.message, diagnostic: cause.diagnostic)
    }
}
