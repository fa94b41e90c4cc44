/// The send sequence counter (SSC) that makes every secure-messaging MAC unique.
///
/// Both sides increment it before protecting a command and before protecting (or verifying) a
/// response, so replayed or dropped messages fail their MAC. 8 bytes for 3DES, 16 for AES; it
/// wraps like the big-endian integer it is.
public struct SendSequenceCounter: Sendable, Hashable {
    public private(set) var bytes: [UInt8]

    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// All zeros, as PACE and Chip Authentication start.
    public static func zero(blockSize: Int) -> SendSequenceCounter {
        SendSequenceCounter(bytes: [UInt8](repeating: 0, count: blockSize))
    }

    public mutating func increment() {
        for index in bytes.indices.reversed() {
            let (sum, overflow) = bytes[index].addingReportingOverflow(1)
            bytes[index] = sum
            if !overflow { return }
        }
    }
}
