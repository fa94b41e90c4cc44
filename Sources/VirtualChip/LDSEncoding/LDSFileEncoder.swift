import ChipProtocol

/// Builds the bytes of the LDS files a CCCD chip serves (Doc 9303-10 §4.6–4.7).
///
/// This is the seam to the `LDS` module: its builders will replace these functions, and the
/// rest of the chip only sees finished file contents.
enum LDSFileEncoder {
    /// LDS version 1.7, Unicode 4.0.0: the values real cards carry.
    static func efCOM(dataGroupTags: [UInt8]) -> [UInt8] {
        TLV(tag: 0x60, value:
            TLV(tag: 0x5F01, value: Array("0107".utf8)).encoded
            + TLV(tag: 0x5F36, value: Array("040000".utf8)).encoded
            + TLV(tag: 0x5C, value: dataGroupTags).encoded
        ).encoded
    }

    /// DG1: the MRZ lines concatenated (90 characters for TD1) in 5F1F.
    static func dg1(machineReadableZone lines: [String]) -> [UInt8] {
        TLV(tag: 0x61, value: TLV(tag: 0x5F1F, value: Array(lines.joined().utf8)).encoded).encoded
    }

    /// DG2: one biometric information template holding an ISO/IEC 19794-5 facial record.
    static func dg2(image: [UInt8], sex: UInt8) -> [UInt8] {
        let header = TLV(tag: 0xA1, value:
            TLV(tag: 0x80, value: [0x01, 0x01]).encoded  // ICAO header version
            + TLV(tag: 0x87, value: [0x01, 0x01]).encoded  // format owner: ISO/IEC JTC 1/SC 37
            + TLV(tag: 0x88, value: [0x00, 0x08]).encoded  // format type: face
        ).encoded
        let template = TLV(tag: 0x7F60, value: header + TLV(tag: 0x5F2E, value: FaceImageRecord.encode(image: image, sex: sex)).encoded).encoded
        return TLV(tag: 0x75, value: TLV(tag: 0x7F61, value: DER.integer(1) + template).encoded).encoded
    }

    /// DG3 stand-in: its bytes are never served (it answers 6982), only its presence matters.
    static func dg3Placeholder() -> [UInt8] {
        TLV(tag: 0x63, value: TLV(tag: 0x7F61, value: DER.integer(0)).encoded).encoded
    }

    static func dg14(securityInfos: [[UInt8]]) -> [UInt8] {
        TLV(tag: 0x6E, value: DER.set(securityInfos)).encoded
    }

    static func dg15(subjectPublicKeyInfo: [UInt8]) -> [UInt8] {
        TLV(tag: 0x6F, value: subjectPublicKeyInfo).encoded
    }
}
