import ChipProtocol
import Synchronization
import VirtualCard

/// A test card with transparent elementary files: SELECT by file identifier
/// (`00 A4 02 0C 02 xx xx`) and READ BINARY (`00 B0`, 15-bit offset, short or extended Le).
///
/// Enough ISO 7816-4 to drive the reader layer for real; the CCCD chip engine (PACE, BAC,
/// secure messaging) is a separate, later engine.
final class TransparentFileCard: VirtualCardEngine {
    /// A T=1 ATR whose historical bytes carry a card-capabilities object declaring extended Lc/Le:
    /// `3B 85 80 01 | 80 73 00 00 40 | TCK`.
    static let defaultATR: [UInt8] = withCheckByte([0x3B, 0x85, 0x80, 0x01, 0x80, 0x73, 0x00, 0x00, 0x40])

    let atr: [UInt8]
    private let files: [UInt16: [UInt8]]
    private let state = Mutex(State())

    private struct State {
        var powered = false
        var selected: UInt16?
        var commands = 0
    }

    init(files: [UInt16: [UInt8]], atr: [UInt8] = TransparentFileCard.defaultATR) {
        self.files = files
        self.atr = atr
    }

    /// Command APDUs answered so far.
    var commandCount: Int { state.withLock { $0.commands } }

    func powerOn() { state.withLock { $0.powered = true; $0.selected = nil } }
    func powerOff() { state.withLock { $0.powered = false; $0.selected = nil } }
    func reset() { state.withLock { $0.selected = nil } }

    func respond(to apdu: [UInt8]) -> [UInt8] {
        state.withLock { state in
            state.commands += 1
            guard let command = try? CommandAPDU(encoded: apdu) else { return [0x67, 0x00] }
            guard command.cla == 0x00 else { return [0x6E, 0x00] }
            switch command.ins {
            case 0xA4: return select(command, &state)
            case 0xB0: return readBinary(command, state)
            default: return [0x6D, 0x00]
            }
        }
    }

    private func select(_ command: CommandAPDU, _ state: inout State) -> [UInt8] {
        guard command.p1 == 0x02, command.p2 == 0x0C, command.data.count == 2 else { return [0x6A, 0x86] }
        let identifier = UInt16(command.data[0]) << 8 | UInt16(command.data[1])
        guard files[identifier] != nil else { return [0x6A, 0x82] }
        state.selected = identifier
        return [0x90, 0x00]
    }

    private func readBinary(_ command: CommandAPDU, _ state: State) -> [UInt8] {
        guard command.p1 & 0x80 == 0 else { return [0x6A, 0x86] }  // short-EF addressing unsupported
        guard let selected = state.selected, let file = files[selected] else { return [0x69, 0x86] }
        let offset = Int(command.p1) << 8 | Int(command.p2)
        guard offset < file.count else { return [0x6B, 0x00] }
        let wanted = command.expectedLength ?? 0
        let end = min(file.count, offset + wanted)
        let status: [UInt8] = end - offset < wanted ? [0x62, 0x82] : [0x90, 0x00]
        return Array(file[offset..<end]) + status
    }

    private static func withCheckByte(_ bytes: [UInt8]) -> [UInt8] {
        bytes + [bytes.dropFirst().reduce(0, ^)]
    }
}
