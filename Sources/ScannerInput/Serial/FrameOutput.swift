/// What the serial framer hands on: a complete frame, or the size of one it had to drop.
public enum FrameOutput: Sendable, Equatable {
    case frame([UInt8])
    /// A frame grew past the configured maximum; all `byteCount` bytes were dropped.
    case tooLong(byteCount: Int)
}
