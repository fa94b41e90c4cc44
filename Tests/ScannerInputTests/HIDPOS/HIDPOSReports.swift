/// Builds input reports the way a Honeywell HID POS scanner sends them (layout documented on
/// `HIDPOSConfiguration`): report ID 0x02, length, AIM identifier, up to 56 payload bytes, zero
/// padding, a code-ID byte, a reserved byte, and the "more follows" flag last.
enum HoneywellReports {
    static func reports(for payload: [UInt8], aim: String = "]Q1", size: Int = 64) -> [[UInt8]] {
        let capacity = 56
        var pieces = stride(from: 0, to: payload.count, by: capacity).map {
            Array(payload[$0..<min($0 + capacity, payload.count)])
        }
        if pieces.isEmpty { pieces = [[]] }
        return pieces.enumerated().map { index, piece in
            let more: UInt8 = index < pieces.count - 1 ? 1 : 0
            var report: [UInt8] = [0x02, UInt8(piece.count)] + Array(aim.utf8) + piece
            report += [UInt8](repeating: 0, count: size - 3 - report.count)
            return report + [UInt8(ascii: "s"), 0x00, more]
        }
    }
}
