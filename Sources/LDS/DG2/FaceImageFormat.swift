/// The image encodings ICAO allows for the DG2 face (Doc 9303-9 §3), recognised by their
/// signatures rather than by the record's image-data-type byte, which some chips get wrong.
public enum FaceImageFormat: String, Sendable, Hashable, CaseIterable {
    /// JPEG (ISO/IEC 10918): starts `FF D8 FF`.
    case jpeg
    /// JPEG 2000 in its JP2 file format: starts with the signature box `00 00 00 0C 6A 50 20 20 0D 0A 87 0A`.
    case jpeg2000
    /// A bare JPEG 2000 codestream: starts `FF 4F FF 51` (SOC then SIZ).
    case jpeg2000Codestream

    public var mimeType: String {
        switch self {
        case .jpeg: "image/jpeg"
        case .jpeg2000: "image/jp2"
        case .jpeg2000Codestream: "image/j2k"
        }
    }

    /// The usual file extension, without a dot.
    public var fileExtension: String {
        switch self {
        case .jpeg: "jpg"
        case .jpeg2000: "jp2"
        case .jpeg2000Codestream: "j2k"
        }
    }

    var signature: [UInt8] {
        switch self {
        case .jpeg: [0xFF, 0xD8, 0xFF]
        case .jpeg2000: [0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20, 0x0D, 0x0A, 0x87, 0x0A]
        case .jpeg2000Codestream: [0xFF, 0x4F, 0xFF, 0x51]
        }
    }

    /// The format whose signature starts `bytes`, if any.
    public init?(detecting bytes: some Collection<UInt8>) {
        guard let format = FaceImageFormat.allCases.first(where: { bytes.starts(with: $0.signature) }) else { return nil }
        self = format
    }

    /// The first offset in `bytes[range]` where any signature starts, with its format.
    static func firstSignature(in bytes: [UInt8], range: Range<Int>) -> (offset: Int, format: FaceImageFormat)? {
        var offset = range.lowerBound
        while offset < range.upperBound {
            if let format = FaceImageFormat(detecting: bytes[offset..<range.upperBound]) {
                return (offset, format)
            }
            offset += 1
        }
        return nil
    }
}
