/// The tag and length at the start of a BER-TLV data object (ISO/IEC 7816-4 §5.2).
///
/// File readers decode a header from the first few bytes of a file to learn how many bytes to
/// read next, so it is useful on its own. Limits: tags of up to four bytes; lengths in short form
/// or long form 81–84 (up to 2³²−1). Indefinite length (80) is rejected — DER and ICAO data objects
/// never use it, and it would let a chip make the reader scan for an end it never sends.
public struct TLVHeader: Sendable, Hashable {
    /// The tag bytes read as a big-endian number: 0x87, 0x7F49, 0x5F36.
    public var tag: UInt32
    /// Bytes taken by tag and length.
    public var headerLength: Int
    /// Bytes of value that follow the header.
    public var valueLength: Int

    /// Header plus value: the whole object's length.
    public var totalLength: Int { headerLength + valueLength }

    /// Constructed objects (bit 6 of the first tag byte) contain further data objects.
    public var isConstructed: Bool { TLVHeader.firstTagByte(of: tag) & 0x20 != 0 }

    /// Reads the header at `offset`. Does not require the value to be present.
    public init(decoding bytes: [UInt8], at offset: Int = 0) throws {
        var index = offset
        guard index < bytes.count else { throw TLVError(.truncatedTag) }
        var tag = UInt32(bytes[index])
        index += 1
        if bytes[index - 1] & 0x1F == 0x1F {
            // Subsequent tag bytes: bit 8 set means "more follow".
            while true {
                guard index < bytes.count else { throw TLVError(.truncatedTag) }
                guard index - offset < 4 else { throw TLVError(.tagTooLong) }
                let byte = bytes[index]
                tag = tag << 8 | UInt32(byte)
                index += 1
                if byte & 0x80 == 0 { break }
            }
        }
        guard index < bytes.count else { throw TLVError(.truncatedLength) }
        let first = bytes[index]
        index += 1
        var length = 0
        switch first {
        case 0x00...0x7F:
            length = Int(first)
        case 0x80:
            throw TLVError(.indefiniteLength)
        case 0x81...0x84:
            let count = Int(first & 0x7F)
            guard bytes.count - index >= count else { throw TLVError(.truncatedLength) }
            for byte in bytes[index..<(index + count)] {
                length = length << 8 | Int(byte)
            }
            index += count
        default:
            throw TLVError(.unsupportedLengthForm, diagnostic: "length byte \(first)")
        }
        self.tag = tag
        self.headerLength = index - offset
        self.valueLength = length
    }

    /// The encoding of `tag` without leading zero bytes.
    static func tagBytes(_ tag: UInt32) -> [UInt8] {
        var bytes: [UInt8] = []
        var remaining = tag
        repeat {
            bytes.insert(UInt8(remaining & 0xFF), at: 0)
            remaining >>= 8
        } while remaining != 0
        return bytes
    }

    /// DER length: short form below 128, otherwise the fewest long-form bytes.
    static func lengthBytes(_ length: Int) -> [UInt8] {
        if length < 0x80 { return [UInt8(length)] }
        var bytes: [UInt8] = []
        var remaining = length
        while remaining > 0 {
            bytes.insert(UInt8(remaining & 0xFF), at: 0)
            remaining >>= 8
        }
        return [0x80 | UInt8(bytes.count)] + bytes
    }

    private static func firstTagByte(of tag: UInt32) -> UInt8 {
        tagBytes(tag)[0]
    }
}
