public import CCCDIdentity
import Glibc

/// Every error the scanner inputs report, from opening a device to framing its bytes.
///
/// Messages name devices (paths are not personal data) but never quote scanned bytes: a frame
/// that is too long says how long it was, not what it contained. ``diagnostic`` carries the
/// system's own wording (errno text) for the operator.
public struct ScannerError: UserFacingError, Hashable {
    /// Whether waiting and reopening can cure the problem, or the admin must change something.
    public enum Recovery: String, Sendable, Hashable {
        /// The device may come back (unplugged, busy, re-enumerating): keep retrying.
        case retry
        /// Configuration or permissions are wrong: retrying cannot help.
        case reconfigure
    }

    public let code: String
    public let message: LocalizedText
    public let diagnostic: String?
    public let recovery: Recovery

    public init(code: String, message: LocalizedText, diagnostic: String? = nil, recovery: Recovery) {
        self.code = code
        self.message = message
        self.diagnostic = diagnostic
        self.recovery = recovery
    }
}

// MARK: - Opening and reading devices

extension ScannerError {
    static func deviceMissing(_ path: String, diagnostic: String? = nil) -> ScannerError {
        ScannerError(
            code: "scanner.device.missing",
            message: LocalizedText(
                vi: "Không tìm thấy máy quét tại \(path) (chưa cắm hoặc đã rút ra)",
                en: "No scanner at \(path) (not plugged in, or unplugged)"),
            diagnostic: diagnostic, recovery: .retry)
    }

    static func permissionDenied(_ path: String, diagnostic: String? = nil) -> ScannerError {
        ScannerError(
            code: "scanner.device.permissionDenied",
            message: LocalizedText(
                vi: "Không có quyền mở \(path): thêm người dùng dịch vụ vào nhóm của thiết bị hoặc cài luật udev",
                en: "Permission denied opening \(path): add the service user to the device's group or install the udev rule"),
            diagnostic: diagnostic, recovery: .reconfigure)
    }

    static func deviceBusy(_ path: String, diagnostic: String? = nil) -> ScannerError {
        ScannerError(
            code: "scanner.device.busy",
            message: LocalizedText(
                vi: "Thiết bị \(path) đang bị chương trình khác sử dụng",
                en: "\(path) is in use by another program"),
            diagnostic: diagnostic, recovery: .retry)
    }

    static func openFailed(_ path: String, diagnostic: String?) -> ScannerError {
        ScannerError(
            code: "scanner.device.openFailed",
            message: LocalizedText(
                vi: "Không mở được thiết bị \(path)",
                en: "Could not open \(path)"),
            diagnostic: diagnostic, recovery: .retry)
    }

    static func notATerminal(_ path: String, diagnostic: String?) -> ScannerError {
        ScannerError(
            code: "scanner.serial.notATerminal",
            message: LocalizedText(
                vi: "\(path) không phải cổng nối tiếp",
                en: "\(path) is not a serial port"),
            diagnostic: diagnostic, recovery: .reconfigure)
    }

    static func unsupportedBaudRate(_ baud: Int) -> ScannerError {
        ScannerError(
            code: "scanner.serial.unsupportedBaudRate",
            message: LocalizedText(
                vi: "Tốc độ baud \(baud) không được hỗ trợ",
                en: "Baud rate \(baud) is not supported"),
            recovery: .reconfigure)
    }

    static func invalidConfiguration(_ what: String) -> ScannerError {
        ScannerError(
            code: "scanner.config.invalid",
            message: LocalizedText(
                vi: "Cấu hình máy quét không hợp lệ: \(what)",
                en: "Invalid scanner configuration: \(what)"),
            recovery: .reconfigure)
    }
}

extension ScannerError {
    /// Maps an `open()` errno to the error an admin can act on.
    static func opening(_ path: String, errno code: Int32) -> ScannerError {
        let text = SystemError.describe(code)
        switch code {
        case ENOENT, ENODEV, ENXIO: return .deviceMissing(path, diagnostic: text)
        case EACCES, EPERM: return .permissionDenied(path, diagnostic: text)
        case EBUSY: return .deviceBusy(path, diagnostic: text)
        default: return .openFailed(path, diagnostic: text)
        }
    }
}

// MARK: - Framing

extension ScannerError {
    /// Reported as ``ScanEvent/discarded(_:)``: the count is safe to show, the bytes are not.
    public static func frameTooLong(byteCount: Int, limit: Int) -> ScannerError {
        ScannerError(
            code: "scanner.frame.tooLong",
            message: LocalizedText(
                vi: "Dữ liệu quét dài \(byteCount) byte, vượt giới hạn \(limit) byte, đã bị bỏ qua",
                en: "Scan of \(byteCount) bytes exceeds the \(limit)-byte limit and was discarded"),
            recovery: .retry)
    }
}
