import CCCDTestSupport
import ChipProtocol
import SmartCardReader
import Testing
import VirtualCard

/// Invented file contents: a counter pattern, so an offset mistake shows as a mismatch.
func patternFile(size: Int, seed: UInt8) -> [UInt8] {
    (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ Int(seed)) }
}

/// Waits (polling, up to `limit`) until `condition` holds; used for sync, never as an assertion
/// on timing.
func eventually(within limit: Duration = .seconds(15), _ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = ContinuousClock.now + limit
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return try await condition()
}

/// Waits until `reader` shows a card (or no card) through the service.
func waitForCard(_ present: Bool, in reader: String, service: PCSCService) async throws -> Bool {
    await eventually {
        let readers = (try? await service.readers()) ?? []
        return readers.contains { $0.name == reader && $0.cardPresent == present }
    }
}

/// Inserts `card` into vpcd's reader on `port`, runs `body`, and always takes it out again.
func withInsertedCard<T>(
    _ card: TransparentFileCard,
    port: UInt16 = VPCDConnection.firstReaderPort,
    quickAck: Bool = true,
    _ body: (VPCDConnection) async throws -> T
) async throws -> T {
    let connection = VPCDConnection(engine: card, port: port, quickAck: quickAck)
    connection.insert()
    defer { connection.remove() }
    return try await body(connection)
}

/// SELECT by file identifier.
func select(_ identifier: UInt16, over transport: any APDUTransport) async throws -> StatusWord {
    let command = CommandAPDU(ins: 0xA4, p1: 0x02, p2: 0x0C, data: [UInt8(identifier >> 8), UInt8(identifier & 0xFF)])
    return try await transport.transmit(command).status
}

/// Reads `size` bytes of the selected file in chunks of at most `chunk` (short or extended Le).
func readSelected(size: Int, chunk: Int, over transport: any APDUTransport) async throws -> [UInt8] {
    var bytes: [UInt8] = []
    while bytes.count < size {
        let wanted = min(chunk, size - bytes.count)
        let command = CommandAPDU(ins: 0xB0, p1: UInt8(bytes.count >> 8), p2: UInt8(bytes.count & 0xFF), expectedLength: wanted)
        let response = try await transport.transmit(command)
        try #require(response.status.isSuccess, "READ BINARY at \(bytes.count): \(response.status)")
        try #require(!response.data.isEmpty)
        bytes += response.data
    }
    return bytes
}
