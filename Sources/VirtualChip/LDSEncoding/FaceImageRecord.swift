/// An ISO/IEC 19794-5:2005 facial record with one image, as DG2 wraps it in 5F2E.
enum FaceImageRecord {
    /// `sex`: 0 unspecified, 1 male, 2 female (the record's gender field).
    static func encode(image: [UInt8], sex: UInt8) -> [UInt8] {
        let isJPEG2000 = image.starts(with: [0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50]) || image.starts(with: [0xFF, 0x4F, 0xFF, 0x51])
        let (width, height) = isJPEG2000 ? (0, 0) : jpegDimensions(image) ?? (0, 0)
        let recordHeaderLength = 14, facialHeaderLength = 20, imageInformationLength = 12
        let blockLength = facialHeaderLength + imageInformationLength + image.count
        var record: [UInt8] = Array("FAC".utf8) + [0x00] + Array("010".utf8) + [0x00]
        record += bigEndian(recordHeaderLength + blockLength, bytes: 4) + [0x00, 0x01]
        // Facial information: block length, feature points, gender, eye/hair colour, property
        // mask, expression, pose angles and their uncertainty — all unspecified but the gender.
        record += bigEndian(blockLength, bytes: 4) + [0x00, 0x00, sex, 0x00, 0x00]
        record += [UInt8](repeating: 0, count: 3 + 2 + 3 + 3)
        // Image information: full frontal, JPEG(0)/JPEG 2000(1), size, 24-bit RGB, digital
        // camera, device type and quality unspecified.
        record += [0x01, isJPEG2000 ? 0x01 : 0x00] + bigEndian(width, bytes: 2) + bigEndian(height, bytes: 2)
        record += [0x01, 0x02, 0x00, 0x00, 0x00, 0x00]
        return record + image
    }

    private static func bigEndian(_ value: Int, bytes: Int) -> [UInt8] {
        (0..<bytes).reversed().map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) }
    }

    /// Width and height from the first start-of-frame marker (SOF0–SOF15 but DHT/JPG/DAC).
    private static func jpegDimensions(_ image: [UInt8]) -> (Int, Int)? {
        var index = 2
        while index + 9 < image.count {
            guard image[index] == 0xFF else { return nil }
            let marker = image[index + 1]
            let length = Int(image[index + 2]) << 8 | Int(image[index + 3])
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                let height = Int(image[index + 5]) << 8 | Int(image[index + 6])
                let width = Int(image[index + 7]) << 8 | Int(image[index + 8])
                return (width, height)
            }
            index += 2 + length
        }
        return nil
    }
}
