/// Width and height of a JPEG portrait, from its first start-of-frame marker, for the DG2 facial
/// record. JPEG 2000 images (and anything unreadable) give 0×0, which ISO/IEC 19794-5 allows as
/// "unspecified".
enum PhotoDimensions {
    static func of(_ image: [UInt8]) -> (width: Int, height: Int) {
        guard image.starts(with: [0xFF, 0xD8]) else { return (0, 0) }
        var index = 2
        while index + 9 < image.count, image[index] == 0xFF {
            let marker = image[index + 1]
            // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range.
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                let height = Int(image[index + 5]) << 8 | Int(image[index + 6])
                let width = Int(image[index + 7]) << 8 | Int(image[index + 8])
                return (width, height)
            }
            index += 2 + (Int(image[index + 2]) << 8 | Int(image[index + 3]))
        }
        return (0, 0)
    }
}
