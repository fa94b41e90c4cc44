/// What a session cost on the wire: the round-trip count is what makes a read slow on a real card.
public struct TransferStatistics: Sendable, Hashable {
    /// Command APDUs transmitted (every one is a round trip).
    public var commandCount = 0
    /// Bytes sent and received, APDU headers, secure-messaging objects and status words included.
    public var bytesSent = 0
    public var bytesReceived = 0

    public init() {}
}
