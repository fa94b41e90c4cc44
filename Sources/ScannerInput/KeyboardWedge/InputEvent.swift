/// One Linux `struct input_event`, as read from `/dev/input/event*`.
///
/// On 64-bit Linux the record is 24 bytes: `struct timeval` (two 8-byte longs), then `type`
/// (u16), `code` (u16), `value` (s32), in the machine's byte order. The timestamp is not needed.
/// (32-bit userlands with a 32-bit `time_t` use 16-byte records; the kiosk targets 64-bit only.)
public struct InputEvent: Sendable, Hashable {
    public var type: UInt16
    public var code: UInt16
    public var value: Int32

    public static let size = 24
    static let keyType: UInt16 = 0x01  // EV_KEY
    static let synchronizationType: UInt16 = 0x00  // EV_SYN
    static let droppedCode: UInt16 = 0x03  // SYN_DROPPED

    public init(type: UInt16, code: UInt16, value: Int32) {
        self.type = type
        self.code = code
        self.value = value
    }

    /// A key event: value 1 press, 0 release, 2 auto-repeat.
    public static func key(_ code: UInt16, _ value: Int32) -> InputEvent {
        InputEvent(type: keyType, code: code, value: value)
    }

    /// The 24-byte record (zero timestamp), for recording test streams.
    public var record: [UInt8] {
        var bytes = [UInt8](repeating: 0, count: 16)
        withUnsafeBytes(of: type) { bytes += $0 }
        withUnsafeBytes(of: code) { bytes += $0 }
        withUnsafeBytes(of: value) { bytes += $0 }
        return bytes
    }
}

/// Cuts a byte stream into ``InputEvent`` records. An evdev node returns whole records, but a
/// pipe or FIFO replaying a recording may split one across reads, so a partial record is kept.
struct InputEventStream: Sendable {
    private var partial: [UInt8] = []

    mutating func append(_ chunk: [UInt8]) -> [InputEvent] {
        partial += chunk
        let whole = partial.count / InputEvent.size * InputEvent.size
        var events: [InputEvent] = []
        events.reserveCapacity(whole / InputEvent.size)
        partial.withUnsafeBytes { bytes in
            for start in stride(from: 0, to: whole, by: InputEvent.size) {
                events.append(InputEvent(
                    type: bytes.loadUnaligned(fromByteOffset: start + 16, as: UInt16.self),
                    code: bytes.loadUnaligned(fromByteOffset: start + 18, as: UInt16.self),
                    value: bytes.loadUnaligned(fromByteOffset: start + 20, as: Int32.self)))
            }
        }
        partial.removeFirst(whole)
        return events
    }
}
