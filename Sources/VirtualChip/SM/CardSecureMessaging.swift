import ChipProtocol
import ICAOCrypto

/// The chip's half of secure messaging (Doc 9303-11 §9.8): unwraps protected commands and
/// protects responses, over the session primitives ChipProtocol already has for the reader.
///
/// Any fault in a command (missing DO8E, wrong MAC, bad padding) is a ``Fault``; the engine
/// then answers a plain 6988 and forgets the session, as real chips do.
struct CardSecureMessaging: Sendable {
    struct Fault: Error {
        let reason: String
    }

    private var session: any SecureMessaging

    init(_ session: any SecureMessaging) {
        self.session = session
    }

    var cipher: CipherAlgorithm { session.cipher }

    /// Verifies DO8E over SSC ‖ pad(header) ‖ DO87/DO85 ‖ DO97 and recovers the plain command.
    /// The counter advances first, as the terminal's did when it protected the command.
    mutating func unprotect(_ command: CommandAPDU) throws -> CommandAPDU {
        let objects: [TLV]
        do {
            objects = try TLV.decodeSequence(command.data)
        } catch {
            throw Fault(reason: "malformed data objects")
        }
        guard let checksum = objects.last, checksum.tag == 0x8E else { throw Fault(reason: "no DO8E at the end") }
        let covered = Array(objects.dropLast())
        guard covered.allSatisfy({ [0x85, 0x87, 0x97].contains($0.tag) }) else { throw Fault(reason: "unexpected data object") }
        session.sendSequenceCounter.increment()
        let blockSize = cipher.blockSize
        let header = [command.cla, command.ins, command.p1, command.p2]
        let input = session.sendSequenceCounter.bytes + Padding.pad(header, blockSize: blockSize) + covered.flatMap(\.encoded)
        guard constantTimeEqual(try session.mac(Padding.pad(input, blockSize: blockSize)), checksum.value) else {
            throw Fault(reason: "MAC mismatch")
        }
        var plain = CommandAPDU(cla: command.cla & ~0x0C, ins: command.ins, p1: command.p1, p2: command.p2)
        if let object = covered.first(where: { $0.tag == 0x87 || $0.tag == 0x85 }) {
            plain.data = try decrypt(object)
        }
        if let le = covered.first(tag: 0x97) {
            plain.expectedLength = try Self.expectedLength(le.value)
        }
        return plain
    }

    /// Wraps a response: DO87 (DO85 for odd INS) with the encrypted data, DO99 with the status,
    /// DO8E over SSC ‖ those objects. The counter advances first.
    mutating func protect(_ response: CardResponse, oddInstruction: Bool) throws -> [UInt8] {
        session.sendSequenceCounter.increment()
        let blockSize = cipher.blockSize
        var objects: [UInt8] = []
        if !response.data.isEmpty {
            let cryptogram = try session.encrypt(Padding.pad(response.data, blockSize: blockSize))
            objects += oddInstruction ? TLV(tag: 0x85, value: cryptogram).encoded : TLV(tag: 0x87, value: [0x01] + cryptogram).encoded
        }
        objects += TLV(tag: 0x99, value: [response.status.sw1, response.status.sw2]).encoded
        let checksum = try session.mac(Padding.pad(session.sendSequenceCounter.bytes + objects, blockSize: blockSize))
        objects += TLV(tag: 0x8E, value: checksum).encoded
        return objects + [response.status.sw1, response.status.sw2]
    }

    /// Undoes the counter step of a response that will not be sent (it is replaced by another).
    var counter: SendSequenceCounter {
        get { session.sendSequenceCounter }
        set { session.sendSequenceCounter = newValue }
    }

    private func decrypt(_ object: TLV) throws -> [UInt8] {
        var cryptogram = object.value
        if object.tag == 0x87 {
            guard cryptogram.first == 0x01 else { throw Fault(reason: "padding indicator") }
            cryptogram.removeFirst()
        }
        guard !cryptogram.isEmpty, cryptogram.count % cipher.blockSize == 0 else { throw Fault(reason: "cryptogram length") }
        do {
            return try Padding.unpad(try session.decrypt(cryptogram), blockSize: cipher.blockSize)
        } catch {
            throw Fault(reason: "padding")
        }
    }

    /// DO97: one byte (00 = 256) or two (0000 = 65536).
    private static func expectedLength(_ value: [UInt8]) throws -> Int {
        switch value.count {
        case 1: return value[0] == 0 ? 256 : Int(value[0])
        case 2:
            let length = Int(value[0]) << 8 | Int(value[1])
            return length == 0 ? 65536 : length
        default: throw Fault(reason: "DO97 length")
        }
    }

    private func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        a.count == b.count && zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
