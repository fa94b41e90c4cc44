/// Connects ``InputEventStream`` and ``KeyboardWedgeDecoder`` to the reconnect loop.
struct KeyboardWedgeChunkDecoder: ChunkDecoder {
    let configuration: KeyboardWedgeConfiguration
    private var stream = InputEventStream()
    private var decoder: KeyboardWedgeDecoder

    init(configuration: KeyboardWedgeConfiguration) {
        self.configuration = configuration
        decoder = KeyboardWedgeDecoder(maximumLength: configuration.maximumLength)
    }

    var quietDeadline: Duration? { decoder.hasPendingInput ? configuration.interKeyTimeout : nil }
    var readSize: Int { InputEvent.size * 64 }

    mutating func consume(_ chunk: [UInt8]) -> [ScanEvent] {
        stream.append(chunk).compactMap { decoder.consume($0) }.map(event(for:))
    }

    mutating func quiet() -> [ScanEvent] {
        decoder.flush().map { [event(for: $0)] } ?? []
    }

    private func event(for output: KeyboardWedgeDecoder.Output) -> ScanEvent {
        switch output {
        case .payload(let payload): .payload(payload)
        case .tooLong(let count): .discarded(.frameTooLong(byteCount: count, limit: configuration.maximumLength))
        }
    }
}
