import ChipProtocol
import ICAOCrypto

/// The chip's half of secure messaging for commands, written from Doc 9303-11 §9.8 independently
/// of the reader's `protect`: counter + 1, MAC over SSC ‖ pad(header) ‖ DO87/DO85 ‖ DO97, then
/// the data decrypted and Le read back.
struct ChipSideFailure: Error {}

extension SecureMessaging {
    mutating func chipUnprotect(_ command: CommandAPDU) throws -> CommandAPDU {
        sendSequenceCounter.increment()
        let objects = try TLV.decodeSequence(command.data)
        guard let macIndex = objects.firstIndex(where: { $0.tag == 0x8E }) else { throw ChipSideFailure() }
        let covered = Array(objects[..<macIndex])
        let header = [command.cla, command.ins, command.p1, command.p2]
        let input = sendSequenceCounter.bytes + Padding.pad(header, blockSize: cipher.blockSize) + covered.flatMap(\.encoded)
        guard try mac(Padding.pad(input, blockSize: cipher.blockSize)) == objects[macIndex].value else { throw ChipSideFailure() }
        var data: [UInt8] = []
        if let object = covered.first(tag: 0x87) {
            data = try Padding.unpad(try decrypt(Array(object.value.dropFirst())), blockSize: cipher.blockSize)
        } else if let object = covered.first(tag: 0x85) {
            data = try Padding.unpad(try decrypt(object.value), blockSize: cipher.blockSize)
        }
        var expectedLength: Int?
        if let le = covered.first(tag: 0x97)?.value {
            let value = le.reduce(0) { $0 << 8 | Int($1) }
            expectedLength = value == 0 ? (le.count == 1 ? 256 : 65536) : value
        }
        return CommandAPDU(cla: 0, ins: command.ins, p1: command.p1, p2: command.p2, data: data, expectedLength: expectedLength)
    }
}
