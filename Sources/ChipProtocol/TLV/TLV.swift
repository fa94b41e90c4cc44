/// A BER-TLV data object that keeps the exact bytes it was read from.
///
/// Exact bytes matter: secure messaging MACs the data objects as received, and Passive
/// Authentication hashes files as read, so re-encoding a parsed object would be a bug source.
public struct TLV: Sendable, Hashable {
    public var tag: UInt32
    public var value: [UInt8]
    /// Tag, length and value exactly as encoded.
    public var encoded: [UInt8]

    /// Builds an object with the DER length encoding. `tag` is written as given, so it must be a
    /// well-formed BER tag (all the ICAO and ISO 7816 tag constants are).
    public init(tag: UInt32, value: [UInt8]) {
        self.tag = tag
        self.value = value
        self.encoded = TLVHeader.tagBytes(tag) + TLVHeader.lengthBytes(value.count) + value
    }

    private init(tag: UInt32, value: [UInt8], encoded: [UInt8]) {
        self.tag = tag
        self.value = value
        self.encoded = encoded
    }

    /// Reads one object at `offset`; the value must lie entirely inside `bytes`.
    /// Returns the object and the offset just past it.
    public static func decode(_ bytes: [UInt8], at offset: Int = 0) throws -> (object: TLV, next: Int) {
        let header = try TLVHeader(decoding: bytes, at: offset)
        let valueStart = offset + header.headerLength
        // Compare against what is left rather than adding, so a hostile 84 FFFFFFFF cannot overflow.
        guard header.valueLength <= bytes.count - valueStart else {
            throw TLVError(.valueOverrunsInput, diagnostic: "length \(header.valueLength), \(bytes.count - valueStart) bytes left")
        }
        let end = valueStart + header.valueLength
        let object = TLV(tag: header.tag, value: Array(bytes[valueStart..<end]), encoded: Array(bytes[offset..<end]))
        return (object, end)
    }

    /// Reads consecutive objects filling `bytes`. Bytes 00 and FF between objects are skipped:
    /// ISO/IEC 7816-4 §5.2 allows them as filler and some chips pad files with them.
    public static func decodeSequence(_ bytes: [UInt8]) throws -> [TLV] {
        var objects: [TLV] = []
        var offset = 0
        while offset < bytes.count {
            if bytes[offset] == 0x00 || bytes[offset] == 0xFF {
                offset += 1
                continue
            }
            let (object, next) = try decode(bytes, at: offset)
            objects.append(object)
            offset = next
        }
        return objects
    }

    /// The objects inside a constructed object's value.
    public func children() throws -> [TLV] {
        try TLV.decodeSequence(value)
    }

    /// A single object that must fill `bytes` exactly, with the given tag.
    public init(decoding bytes: [UInt8], expectedTag: UInt32) throws {
        let (object, next) = try TLV.decode(bytes)
        guard object.tag == expectedTag else {
            throw TLVError(.unexpectedTag, diagnostic: "tag \(String(object.tag, radix: 16)), expected \(String(expectedTag, radix: 16))")
        }
        guard next == bytes.count else {
            throw TLVError(.trailingBytes, diagnostic: "\(bytes.count - next) bytes")
        }
        self = object
    }
}

extension Array where Element == TLV {
    /// The first object with `tag`, if any.
    public func first(tag: UInt32) -> TLV? {
        first { $0.tag == tag }
    }

    /// The first object with `tag`, or a typed error naming the missing tag.
    public func required(tag: UInt32) throws -> TLV {
        guard let object = first(tag: tag) else {
            throw TLVError(.missingObject, diagnostic: "tag \(String(tag, radix: 16))")
        }
        return object
    }
}
