import CCCDIdentity
import ChipProtocol
import ICAOCrypto
import Synchronization
import Testing

/// Parses a hex literal from the standard; a typo in a test literal stops the test run loudly.
func hex(_ text: String) -> [UInt8] {
    if let bytes = [UInt8](hexString: text) { return bytes }
    preconditionFailure("malformed hex literal: \(text)")
}

/// The terminal's "random" choices, scripted in order (RND.IFD, K.IFD, SK_map,IFD, SK_IFD…).
final class ScriptedRandom: RandomSource {
    private let values: Mutex<[[UInt8]]>

    init(_ values: [[UInt8]]) { self.values = Mutex(values) }

    func randomBytes(_ count: Int) throws -> [UInt8] {
        try values.withLock { queue in
            guard !queue.isEmpty else { throw CryptoError(.randomSourceFailed, diagnostic: "script exhausted") }
            return queue.removeFirst()
        }
    }
}

/// A chip that answers from a recorded trace and fails the exchange on any byte that differs.
actor ScriptedTransport: APDUTransport {
    struct UnexpectedCommand: Error, CustomStringConvertible {
        let index: Int
        let expected: String
        let actual: String
        var description: String { "command \(index): expected \(expected), got \(actual)" }
    }

    private var exchanges: [(command: [UInt8], response: [UInt8])]
    private(set) var transmitted = 0

    init(_ exchanges: [(command: String, response: String)]) {
        self.exchanges = exchanges.map { (hex($0.command), hex($0.response)) }
    }

    func transmit(_ command: [UInt8]) async throws -> [UInt8] {
        guard !exchanges.isEmpty else {
            throw UnexpectedCommand(index: transmitted, expected: "(end of trace)", actual: command.hexString)
        }
        let next = exchanges.removeFirst()
        defer { transmitted += 1 }
        guard next.command == command else {
            throw UnexpectedCommand(index: transmitted, expected: next.command.hexString, actual: command.hexString)
        }
        return next.response
    }

    var remaining: Int { exchanges.count }
}

extension SecureMessaging {
    /// The chip's side of a response, written from the standard independently of ``unprotect``:
    /// counter + 1, DO87 (if data), DO99, DO8E over SSC ‖ DOs.
    mutating func chipProtectResponse(data: [UInt8], status: StatusWord, includeStatusObject: Bool = true) throws -> ResponseAPDU {
        sendSequenceCounter.increment()
        var objects: [UInt8] = []
        if !data.isEmpty {
            objects += TLV(tag: 0x87, value: [0x01] + (try encrypt(Padding.pad(data, blockSize: cipher.blockSize)))).encoded
        }
        if includeStatusObject {
            objects += TLV(tag: 0x99, value: [status.sw1, status.sw2]).encoded
        }
        let checksum = try mac(Padding.pad(sendSequenceCounter.bytes + objects, blockSize: cipher.blockSize))
        objects += TLV(tag: 0x8E, value: checksum).encoded
        return ResponseAPDU(data: objects, status: status)
    }
}

/// Expects `body` to throw a failure of the same type and reason as `expected` (diagnostics,
/// which quote details, are not compared).
func expectFailure<Reason: ErrorReason>(
    _ expected: CodedError<Reason>, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
) {
    #expect(sourceLocation: sourceLocation, performing: body, throws: { ($0 as? CodedError<Reason>)?.reason == expected.reason })
}

