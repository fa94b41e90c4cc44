/// The parts of an ATR (ISO/IEC 7816-3 §8) a reader layer needs: the protocols offered and the
/// historical bytes, with the card-capabilities data object of ISO/IEC 7816-4 §8.1.1.2.7 decoded.
///
/// For contactless cards PC/SC part 3 builds a pseudo-ATR whose historical bytes are the ATS
/// historical bytes (type A) or the ATQB application data (type B), so the same parsing applies.
/// Parsing is total: malformed or truncated ATRs yield fewer facts, never a trap.
public struct AnswerToReset: Sendable, Hashable {
    public let bytes: [UInt8]
    /// The historical bytes (T1…TK), possibly shorter than announced when the ATR is truncated.
    public let historicalBytes: [UInt8]
    /// Protocols announced in TD bytes (T=0 is implied when none is announced; 15 marks global bytes).
    public let protocols: Set<Int>
    /// The card's own statement on extended Lc/Le (third software-function byte, b7), or `nil`
    /// when the ATR has no card-capabilities object — most eMRTD chips say nothing here.
    public let declaresExtendedLength: Bool?

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var protocols = Set<Int>()
        var historical: [UInt8] = []
        if bytes.count >= 2 {
            let historicalCount = Int(bytes[1] & 0x0F)
            var index = 1
            var indicator: UInt8? = bytes[1]
            while let y = indicator, index < bytes.count {
                // TA, TB, TC present per bits 5–7; TD per bit 8 announces the next group.
                let skip = [0x10, 0x20, 0x40].filter { y & UInt8($0) != 0 }.count
                index += skip
                if y & 0x80 != 0, index + 1 < bytes.count {
                    index += 1
                    let td = bytes[index]
                    protocols.insert(Int(td & 0x0F))
                    indicator = td
                } else {
                    indicator = nil
                }
            }
            let start = index + 1
            if start < bytes.count {
                historical = Array(bytes[start..<min(bytes.count, start + historicalCount)])
            }
        }
        if protocols.isEmpty { protocols = [0] }
        self.protocols = protocols
        self.historicalBytes = historical
        self.declaresExtendedLength = Self.extendedLengthFlag(in: historical)
    }

    /// Walks the COMPACT-TLV objects after category indicator 0x80 (or 0x00, whose last three
    /// bytes are a status indicator) looking for tag 7, the card capabilities.
    private static func extendedLengthFlag(in historical: [UInt8]) -> Bool? {
        guard let category = historical.first, category == 0x80 || category == 0x00 else { return nil }
        let end = category == 0x00 ? historical.count - 3 : historical.count
        var index = 1
        while index < end {
            let tag = historical[index] >> 4
            let length = Int(historical[index] & 0x0F)
            let valueStart = index + 1
            guard valueStart + length <= end else { return nil }
            if tag == 0x7, length >= 3 {
                return historical[valueStart + 2] & 0x40 != 0
            }
            index = valueStart + length
        }
        return nil
    }
}
