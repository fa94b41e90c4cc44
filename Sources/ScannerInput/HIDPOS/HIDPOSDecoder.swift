/// Connects a ``HIDPOSReassembler`` to the reconnect loop. Each read is one report (hidraw returns
/// exactly one per `read()`; a FIFO of recorded reports is read one report size at a time).
struct HIDPOSDecoder: ChunkDecoder {
    private var reassembler: HIDPOSReassembler

    init(configuration: HIDPOSConfiguration) {
        reassembler = HIDPOSReassembler(configuration: configuration)
    }

    var quietDeadline: Duration? {
        reassembler.isReassembling ? reassembler.configuration.continuationTimeout : nil
    }

    var readSize: Int { reassembler.configuration.reportSize }

    mutating func consume(_ chunk: [UInt8]) -> [ScanEvent] {
        reassembler.consume(report: chunk).map { [Self.event(for: $0)] } ?? []
    }

    mutating func quiet() -> [ScanEvent] {
        reassembler.abandon().map { [Self.event(for: $0)] } ?? []
    }

    static func event(for output: HIDPOSReassembler.Output) -> ScanEvent {
        switch output {
        case .payload(let bytes, _): .payload(ScannedPayload(bytes: bytes, transport: .hidPOS))
        case .rejected(let error): .discarded(error)
        }
    }
}
