import ChipProtocol

extension DataGroup2 {
    /// Builds DG2 around one JPEG or JPEG 2000 image, as an ISO/IEC 19794-5:2005 record — the
    /// layout of both public sample passports — for the virtual chip and tests.
    ///
    /// - Throws: `invalidBuilderInput` when `image` has no recognised signature or is too large
    ///   for the record's 32-bit lengths, or when the dimensions do not fit 16 bits.
    public static func encode(image: [UInt8], width: Int, height: Int) throws(LDSError) -> [UInt8] {
        guard let format = FaceImageFormat(detecting: image) else {
            throw LDSError(.invalidBuilderInput, diagnostic: "image is neither JPEG nor JPEG 2000")
        }
        guard (0...0xFFFF).contains(width), (0...0xFFFF).contains(height), image.count < 0x7FFF_0000 else {
            throw LDSError(.invalidBuilderInput, diagnostic: "image dimensions or size out of range")
        }
        let informationBlockLength = 20 + 12 + image.count
        var record: [UInt8] = [0x46, 0x41, 0x43, 0x00, 0x30, 0x31, 0x30, 0x00]  // "FAC\0" "010\0"
        record += bigEndian(14 + informationBlockLength, width: 4) + bigEndian(1, width: 2)
        record += bigEndian(informationBlockLength, width: 4)
        // No feature points; gender, eye and hair colour, property mask, expression and pose unspecified.
        record += [UInt8](repeating: 0, count: 16)
        // Full frontal face (1); image data type 0 = JPEG, 1 = JPEG 2000; colour space, source,
        // device and quality unspecified.
        record += [0x01, format == .jpeg ? 0x00 : 0x01] + bigEndian(width, width: 2) + bigEndian(height, width: 2)
        record += [UInt8](repeating: 0, count: 6)
        record += image
        // Biometric header: type 02 facial features, subtype none, format owner 0101 (ISO/IEC
        // JTC 1/SC 37), format type 0008 (face image).
        let header = TLV(tag: 0xA1, value: [0x81, 0x01, 0x02, 0x82, 0x01, 0x00, 0x87, 0x02, 0x01, 0x01, 0x88, 0x02, 0x00, 0x08])
        let template = TLV(tag: 0x7F60, value: header.encoded + TLV(tag: 0x5F2E, value: record).encoded)
        let group = TLV(tag: 0x7F61, value: [0x02, 0x01, 0x01] + template.encoded)
        return TLV(tag: 0x75, value: group.encoded).encoded
    }

    private static func bigEndian(_ value: Int, width: Int) -> [UInt8] {
        (0..<width).reversed().map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }
}
