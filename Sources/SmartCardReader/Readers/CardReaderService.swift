public import ChipProtocol

/// What the product needs from a smart-card subsystem; ``PCSCService`` implements it on pcsc-lite,
/// and a different platform or a test double can stand in its place.
public protocol CardReaderService: Sendable {
    /// The readers present now, with card presence and ATR.
    func readers() async throws -> [ReaderStatus]
    /// Connects to the card in `readerName` (shared mode, T=1 preferred).
    func connect(to readerName: String) async throws -> any CardChannel
    /// Reader and card events until the stream is dropped; see ``ReaderEvent``.
    func events() -> AsyncStream<ReaderEvent>
}

/// A connection to one card: an ``APDUTransport`` plus what the reading layer needs to choose
/// chunk sizes and to recover.
public protocol CardChannel: APDUTransport {
    var readerName: String { get }
    var answerToReset: AnswerToReset { get }
    var capabilities: ReaderCapabilities { get }
    /// Re-establishes the connection, optionally resetting the card first.
    func reconnect(resetCard: Bool) async throws
    func disconnect() async
}
