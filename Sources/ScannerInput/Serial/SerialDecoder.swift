/// Connects a ``SerialFramer`` to the reconnect loop: frames become payloads, oversize frames
/// become `.discarded` events, and the inter-byte timeout runs only while a frame is pending.
struct SerialDecoder: ChunkDecoder {
    let configuration: SerialConfiguration
    private var framer: SerialFramer

    init(configuration: SerialConfiguration) {
        self.configuration = configuration
        self.framer = SerialFramer(
            terminator: configuration.terminator,
            maximumFrameLength: configuration.maximumFrameLength)
    }

    var quietDeadline: Duration? { framer.hasPendingBytes ? configuration.interByteTimeout : nil }
    var readSize: Int { 4096 }

    mutating func consume(_ chunk: [UInt8]) -> [ScanEvent] {
        framer.append(chunk).map(event(for:))
    }

    mutating func quiet() -> [ScanEvent] {
        framer.flush().map { [event(for: $0)] } ?? []
    }

    private func event(for output: FrameOutput) -> ScanEvent {
        switch output {
        case .frame(let bytes):
            .payload(ScannedPayload(bytes: bytes, transport: .serial))
        case .tooLong(let count):
            .discarded(.frameTooLong(byteCount: count, limit: configuration.maximumFrameLength))
        }
    }
}
