import ChipProtocol

/// DG2 (Doc 9303-10 §4.7.2): the encoded face, inside the CBEFF biometric templates of
/// ISO/IEC 7816-11.
///
/// ```
/// 75 L
///    7F61 L                      biometric information group template
///       02 01 n                  number of instances
///       7F60 L                   biometric information template (n times)
///          A1 L …                biometric header template
///          5F2E L | 7F2E L       biometric data block: ISO/IEC 19794-5 facial record
/// ```
public struct DataGroup2: Sendable, Hashable {
    /// Every face found, in file order; never empty.
    public let faces: [FaceImage]
    /// The file exactly as read.
    public let encoded: [UInt8]

    /// The face a kiosk shows: the first one (cards carry exactly one).
    public var face: FaceImage { faces[0] }

    public init(encoded bytes: [UInt8]) throws(LDSError) {
        let value = try ASN1Parsing.fileValue(bytes, file: .dataGroup(.dg2), reason: .malformedDG2)
        let blocks = try ASN1Parsing.parse(.malformedDG2) { try DataGroup2.dataBlocks(in: TLV.decodeSequence(value)) }
        guard !blocks.isEmpty else { throw LDSError(.malformedDG2, diagnostic: "no biometric data block (5F2E/7F2E)") }
        let faces = blocks.flatMap(FacialRecord.images(in:))
        guard !faces.isEmpty else { throw LDSError(.noFaceImage, diagnostic: "\(blocks.count) data blocks") }
        self.faces = faces
        encoded = bytes
    }

    /// The data blocks of every 7F60, whether or not a 7F61 group wraps them (some chips omit it).
    private static func dataBlocks(in objects: [TLV]) throws -> [[UInt8]] {
        var blocks: [[UInt8]] = []
        for object in objects {
            switch object.tag {
            case 0x7F61: blocks += try dataBlocks(in: object.children())
            case 0x7F60:
                if let block = try object.children().first(where: { $0.tag == 0x5F2E || $0.tag == 0x7F2E }) {
                    blocks.append(block.value)
                }
            default: continue
            }
        }
        return blocks
    }
}
