/// The ISO/IEC 19794-5 facial record inside a DG2 biometric data block, reduced to what a reader
/// needs: the images.
///
/// - 2005 (`FAC\0` `010\0`): a 14-byte header, then per image a facial information block
///   (length, feature points…), 8 bytes per feature point, 12 bytes of image information and the
///   image. Parsed field by field.
/// - 2011 (`FAC\0` `030\0`) [?]: a 15-byte header, then representations that start with their
///   length. The fields before the image vary with quality blocks and 3D data, so the image is
///   found by its signature inside each representation (it is the representation's last item).
/// - Anything else: the first image signature in the block, up to its end.
enum FacialRecord {
    static func images(in block: [UInt8]) -> [FaceImage] {
        let magic: [UInt8] = [0x46, 0x41, 0x43, 0x00]  // "FAC\0"
        guard block.starts(with: magic), block.count >= 8 else { return scan(block, range: 0..<block.count, version: nil) }
        let version = String(decoding: block[4..<7], as: UTF8.self)
        switch version {
        case "010": return iso2005(block) ?? scan(block, range: 8..<block.count, version: version)
        case "030": return iso2011(block) ?? scan(block, range: 8..<block.count, version: version)
        default: return scan(block, range: 8..<block.count, version: version)
        }
    }

    /// Nil when the declared lengths do not fit the block: the caller then scans instead.
    private static func iso2005(_ block: [UInt8]) -> [FaceImage]? {
        guard let count = integer(block, at: 12, width: 2), count > 0 else { return nil }
        var images: [FaceImage] = []
        var offset = 14
        for _ in 0..<count {
            guard let blockLength = integer(block, at: offset, width: 4),
                  let featurePoints = integer(block, at: offset + 4, width: 2),
                  blockLength <= block.count - offset
            else { return nil }
            let info = offset + 20 + 8 * featurePoints
            let imageStart = info + 12
            let end = offset + blockLength
            guard imageStart <= end,
                  let width = integer(block, at: info + 2, width: 2),
                  let height = integer(block, at: info + 4, width: 2),
                  let format = FaceImageFormat(detecting: block[imageStart..<end])
            else { return nil }
            images.append(FaceImage(format: format, bytes: Array(block[imageStart..<end]), width: width, height: height, recordVersion: "010"))
            offset = end
        }
        return images
    }

    private static func iso2011(_ block: [UInt8]) -> [FaceImage]? {
        guard let count = integer(block, at: 12, width: 2), count > 0 else { return nil }
        var images: [FaceImage] = []
        var offset = 15
        for _ in 0..<count {
            guard let length = integer(block, at: offset, width: 4), length > 4, length <= block.count - offset else { return nil }
            let found = scan(block, range: (offset + 4)..<(offset + length), version: "030")
            guard !found.isEmpty else { return nil }
            images += found
            offset += length
        }
        return images
    }

    private static func scan(_ block: [UInt8], range: Range<Int>, version: String?) -> [FaceImage] {
        guard range.lowerBound <= range.upperBound,
              let (start, format) = FaceImageFormat.firstSignature(in: block, range: range)
        else { return [] }
        return [FaceImage(format: format, bytes: Array(block[start..<range.upperBound]), recordVersion: version)]
    }

    /// A big-endian unsigned integer of `width` bytes, nil past the end.
    static func integer(_ bytes: [UInt8], at offset: Int, width: Int) -> Int? {
        guard offset >= 0, offset <= bytes.count, width <= bytes.count - offset else { return nil }
        return bytes[offset..<(offset + width)].reduce(0) { $0 << 8 | Int($1) }
    }
}
