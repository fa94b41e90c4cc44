import ChipProtocol
import LDS
import Testing

@Suite struct DataGroup2Tests {
    /// A minimal JPEG-shaped payload: SOI, a comment, EOI (the parser does not decode images).
    static let jpeg = hex("FF D8 FF FE 00 05 74 65 73 74 FF D9")
    static let codestream = hex("FF 4F FF 51 00 29 00 00 FF D9")

    @Test(arguments: [(jpeg, FaceImageFormat.jpeg), (codestream, .jpeg2000Codestream)])
    func builtDG2RoundTrips(image: [UInt8], format: FaceImageFormat) throws {
        let file = try DataGroup2.encode(image: image, width: 480, height: 640)
        let group = try DataGroup2(encoded: file)
        #expect(group.faces == [FaceImage(format: format, bytes: image, width: 480, height: 640, recordVersion: "010")])
        #expect(group.encoded == file)
        #expect(try LDSFileLength.totalLength(ofFileStartingWith: Array(file.prefix(6)), file: .dataGroup(.dg2)) == file.count)
    }

    @Test func aWrongImageTypeByteDoesNotMatter() throws {
        // Image data type says JPEG 2000 (01) for a JPEG: the signature decides.
        var file = try DataGroup2.encode(image: Self.jpeg, width: 1, height: 1)
        let typeOffset = file.count - Self.jpeg.count - 11
        #expect(file[typeOffset] == 0x00)
        file[typeOffset] = 0x01
        #expect(try DataGroup2(encoded: file).face.format == .jpeg)
    }

    /// An ISO/IEC 19794-5:2011 record [?]: 15-byte header, then a representation starting with
    /// its length; the fields before the image vary, so the image is found by its signature.
    @Test func iso2011RecordIsFoundInsideItsRepresentation() throws {
        let representationFields = [UInt8](repeating: 0x00, count: 9 + 1 + 20 + 16)  // date, no quality blocks, face info, image info
        let representation = bigEndian(4 + representationFields.count + Self.jpeg.count, 4) + representationFields + Self.jpeg
        let header = hex("46414300 30333000") + bigEndian(15 + representation.count, 4) + [0x00, 0x01, 0x00]
        let group = try DataGroup2(encoded: Self.wrap(block: header + representation))
        #expect(group.face.format == .jpeg)
        #expect(group.face.bytes == Self.jpeg)
        #expect(group.face.recordVersion == "030")
        #expect(group.face.width == nil)
    }

    @Test func imageWithoutARecordHeaderIsFoundByItsSignature() throws {
        let group = try DataGroup2(encoded: Self.wrap(block: hex("00 11 22") + Self.codestream, tag: 0x7F2E))
        #expect(group.face.format == .jpeg2000Codestream)
        #expect(group.face.bytes == Self.codestream)
    }

    @Test func inconsistent2005LengthsFallBackToTheSignature() throws {
        var file = try DataGroup2.encode(image: Self.jpeg, width: 1, height: 1)
        // Facial information block length → far beyond the block.
        let blockLengthOffset = file.count - Self.jpeg.count - 32
        file.replaceSubrange(blockLengthOffset..<(blockLengthOffset + 4), with: [0x7F, 0xFF, 0xFF, 0xFF])
        let group = try DataGroup2(encoded: file)
        #expect(group.face.bytes == Self.jpeg)
        #expect(group.face.width == nil)
    }

    @Test func everyBiometricTemplateContributesItsFace() throws {
        func template(_ image: [UInt8]) throws -> [UInt8] {
            let single = try TLV.decode(DataGroup2.encode(image: image, width: 2, height: 3)).object
            return try single.children()[0].children().first(tag: 0x7F60)?.encoded ?? []
        }
        let group = TLV(tag: 0x7F61, value: hex("02 01 02") + (try template(Self.jpeg)) + (try template(Self.codestream)))
        let parsed = try DataGroup2(encoded: TLV(tag: 0x75, value: group.encoded).encoded)
        #expect(parsed.faces.map(\.format) == [.jpeg, .jpeg2000Codestream])
        #expect(parsed.face.bytes == Self.jpeg)
    }

    @Test func noImageIsATypedError() throws {
        let record = hex("46414300 30313000 0000001A 0001 0000000C 0000") + [UInt8](repeating: 0, count: 6)
        let error = #expect(throws: LDSError.self) { try DataGroup2(encoded: Self.wrap(block: record)) }
        #expect(error?.reason == .noFaceImage)
        let empty = #expect(throws: LDSError.self) { try DataGroup2(encoded: hex("75 05 7F 61 02 02 01")) }
        #expect(empty?.reason == .malformedDG2)
    }

    @Test func builderRefusesWhatIsNotAnImage() {
        #expect(throws: LDSError.self) { try DataGroup2.encode(image: [0x89, 0x50, 0x4E, 0x47], width: 1, height: 1) }
        #expect(throws: LDSError.self) { try DataGroup2.encode(image: Self.jpeg, width: 70_000, height: 1) }
    }

    static func wrap(block: [UInt8], tag: UInt32 = 0x5F2E) -> [UInt8] {
        let template = TLV(tag: 0x7F60, value: TLV(tag: 0xA1, value: hex("81 01 02")).encoded + TLV(tag: tag, value: block).encoded)
        return TLV(tag: 0x75, value: TLV(tag: 0x7F61, value: hex("02 01 01") + template.encoded).encoded).encoded
    }

    private func bigEndian(_ value: Int, _ width: Int) -> [UInt8] {
        (0..<width).reversed().map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }
}
