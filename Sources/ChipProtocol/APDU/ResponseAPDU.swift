/// An ISO/IEC 7816-4 response APDU: optional data followed by the two status bytes.
public struct ResponseAPDU: Sendable, Hashable {
    public var data: [UInt8]
    public var status: StatusWord

    public init(data: [UInt8] = [], status: StatusWord) {
        self.data = data
        self.status = status
    }

    /// Splits a raw answer; fewer than two bytes is a reader or card fault, not a status.
    public init(encoded bytes: [UInt8]) throws {
        guard bytes.count >= 2 else {
            throw APDUError(.responseTooShort, diagnostic: "\(bytes.count) bytes")
        }
        data = Array(bytes.dropLast(2))
        status = StatusWord(sw1: bytes[bytes.count - 2], sw2: bytes[bytes.count - 1])
    }

    public var encoded: [UInt8] { data + [status.sw1, status.sw2] }
}
