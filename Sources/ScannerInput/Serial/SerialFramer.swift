/// Cuts a serial scanner's byte stream into frames.
///
/// Reads return arbitrary chunks — half a scan, or the end of one and the start of the next — so
/// the framer works byte by byte and keeps state across chunks (a CR at the end of one chunk and
/// the LF at the start of the next still make one CRLF).
///
/// Tolerance, because scanners are often programmed differently from the kiosk's configuration:
/// line breaks at the start of a frame are skipped (a CRLF scanner on a CR configuration leaves
/// its LF in front of the next scan) and trailing ones are trimmed; empty frames are dropped. A
/// frame longer than the limit switches to discarding until the next frame end, so memory stays
/// bounded by the limit whatever the line sends.
public struct SerialFramer: Sendable {
    public let terminator: SerialConfiguration.Terminator
    public let maximumFrameLength: Int

    private var current: [UInt8] = []
    private var pendingCarriageReturn = false
    private var discardedCount = 0

    public init(terminator: SerialConfiguration.Terminator, maximumFrameLength: Int) {
        self.terminator = terminator
        self.maximumFrameLength = max(1, maximumFrameLength)
    }

    /// True while part of a frame is buffered (or being discarded): the inter-byte timeout applies.
    public var hasPendingBytes: Bool {
        !current.isEmpty || pendingCarriageReturn || discardedCount > 0
    }

    public mutating func append(_ chunk: some Sequence<UInt8>) -> [FrameOutput] {
        var outputs: [FrameOutput] = []
        for byte in chunk {
            if let output = consume(byte) { outputs.append(output) }
        }
        return outputs
    }

    /// The inter-byte timeout passed: whatever is buffered is a frame.
    public mutating func flush() -> FrameOutput? {
        pendingCarriageReturn = false
        return endFrame()
    }

    private mutating func consume(_ byte: UInt8) -> FrameOutput? {
        switch terminator {
        case .carriageReturn:
            if byte == .carriageReturn { return endFrame() }
        case .lineFeed:
            if byte == .lineFeed { return endFrame() }
        case .carriageReturnLineFeed:
            if pendingCarriageReturn {
                pendingCarriageReturn = false
                if byte == .lineFeed { return endFrame() }
                add(.carriageReturn)
            }
            if byte == .carriageReturn {
                pendingCarriageReturn = true
                return nil
            }
        case .none:
            break
        }
        let isLineBreak = byte == .carriageReturn || byte == .lineFeed
        if isLineBreak && current.isEmpty && discardedCount == 0 { return nil }
        add(byte)
        return nil
    }

    private mutating func add(_ byte: UInt8) {
        if discardedCount > 0 {
            discardedCount += 1
        } else if current.count >= maximumFrameLength {
            discardedCount = current.count + 1
            current = []
        } else {
            current.append(byte)
        }
    }

    private mutating func endFrame() -> FrameOutput? {
        defer {
            current.removeAll(keepingCapacity: true)
            discardedCount = 0
        }
        if discardedCount > 0 { return .tooLong(byteCount: discardedCount) }
        while let last = current.last, last == .carriageReturn || last == .lineFeed {
            current.removeLast()
        }
        return current.isEmpty ? nil : .frame(current)
    }
}

extension UInt8 {
    static let carriageReturn: UInt8 = 0x0D
    static let lineFeed: UInt8 = 0x0A
}
