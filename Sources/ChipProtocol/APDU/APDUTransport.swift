/// Whatever carries APDUs to a chip: a PC/SC reader, a virtual card, or a test script.
///
/// Kept to one raw-bytes method so that a transport has no protocol logic of its own; BAC, PACE
/// and secure messaging are built on top and can be replayed against recorded traces.
public protocol APDUTransport: Sendable {
    /// Sends one command APDU and returns the complete response including SW1 SW2.
    func transmit(_ command: [UInt8]) async throws -> [UInt8]
}

extension APDUTransport {
    /// Encodes `command`, transmits it and splits the answer.
    public func transmit(_ command: CommandAPDU) async throws -> ResponseAPDU {
        try ResponseAPDU(encoded: try await transmit(try command.encoded()))
    }
}
