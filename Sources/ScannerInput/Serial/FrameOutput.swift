import CCCDIdentity

/// What a framer or reassembler hands on: a complete frame, or the size of one it had to drop.
public enum FrameOutput: Sendable, Equatable {
    case frame([UInt8])
    /// A frame grew past the configured maximum; all `byteCount` bytes were dropped.
    case tooLong(byteCount: Int)
}

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
