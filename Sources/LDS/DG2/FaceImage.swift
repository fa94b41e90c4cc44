/// One face image extracted from DG2, ready to hand to an image decoder or a kiosk page.
public struct FaceImage: Sendable, Hashable {
    public let format: FaceImageFormat
    /// The encoded image exactly as stored on the chip.
    public let bytes: [UInt8]
    /// Width and height in pixels as the facial record declares them; nil when the record
    /// layout was not understood and the image was found by its signature.
    public let width: Int?
    public let height: Int?
    /// The ISO/IEC 19794-5 record version (`010` for 2005, `030` for 2011), nil without a record header.
    public let recordVersion: String?

    public init(format: FaceImageFormat, bytes: [UInt8], width: Int? = nil, height: Int? = nil, recordVersion: String? = nil) {
        self.format = format
        self.bytes = bytes
        self.width = width
        self.height = height
        self.recordVersion = recordVersion
    }
}
