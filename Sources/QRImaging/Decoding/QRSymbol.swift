/// One QR code found in an image, as raw bytes.
///
/// Bytes, not text: libzbar runs in binary mode (see ``QRSymbolDecoder``), so these are exactly
/// the bytes the encoder put in the symbol — UTF-8 for a CCCD, possibly NULs or anything else
/// for other codes. The identity parser decides how to decode them.
public struct QRSymbol: Sendable, Equatable {
    /// Which way up the symbol was found (zbar's coarse, axis-aligned estimate).
    public enum Orientation: Sendable, Equatable {
        case up, right, down, left, unknown
    }

    public var bytes: [UInt8]
    /// zbar's relative confidence: larger is better; only the ordering is meaningful.
    public var quality: Int
    public var orientation: Orientation

    public init(bytes: [UInt8], quality: Int, orientation: Orientation) {
        self.bytes = bytes
        self.quality = quality
        self.orientation = orientation
    }
}
