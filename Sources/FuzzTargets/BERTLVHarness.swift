import ChipProtocol

/// The BER-TLV reader every chip response and LDS file goes through: multi-byte tags, long-form
/// and hostile lengths, nested constructed values.
enum BERTLVHarness {
    static func run(_ data: [UInt8]) {
        if let objects = try? TLV.decodeSequence(data) {
            invariant(reassembles(objects, into: data), "a TLV sequence does not re-assemble into its input")
            for object in objects { walk(object, depth: 0) }
        }
        if let header = try? TLVHeader(decoding: data) {
            invariant(header.headerLength > 0 && header.valueLength >= 0, "header of \(header.headerLength)+\(header.valueLength)")
            if let (object, next) = try? TLV.decode(data) {
                invariant(next == header.totalLength && object.tag == header.tag, "decode and header disagree")
            }
        }
    }

    /// The decoded objects are the input in order, nothing invented, and nothing skipped but the
    /// 00/FF filler ISO 7816-4 allows between objects.
    private static func reassembles(_ objects: [TLV], into data: [UInt8]) -> Bool {
        var offset = 0
        func skipFiller() {
            while offset < data.count, data[offset] == 0x00 || data[offset] == 0xFF { offset += 1 }
        }
        for object in objects {
            skipFiller()
            guard data.count - offset >= object.encoded.count,
                  data[offset..<(offset + object.encoded.count)].elementsEqual(object.encoded) else { return false }
            offset += object.encoded.count
        }
        skipFiller()
        return offset == data.count
    }

    /// Re-encodes every object canonically and reads it back: tag and value survive.
    private static func walk(_ object: TLV, depth: Int) {
        let canonical = TLV(tag: object.tag, value: object.value)
        guard let (again, next) = try? TLV.decode(canonical.encoded) else {
            return invariant(false, "tag \(object.tag): the canonical encoding does not decode")
        }
        invariant(again.tag == object.tag && again.value == object.value && next == canonical.encoded.count,
                  "tag \(object.tag) does not survive re-encoding")
        guard depth < 32, let children = try? object.children() else { return }
        for child in children { walk(child, depth: depth + 1) }
    }
}
