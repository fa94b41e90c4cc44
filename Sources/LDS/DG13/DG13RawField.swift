/// A DG13 field kept as read: unknown numbers, field 16, and values whose shape is not understood.
public struct DG13RawField: Sendable, Hashable {
    /// The field number (the INTEGER that opens the field).
    public let number: Int
    /// The text leaves inside the field, in order (NFC).
    public let texts: [String]
    /// The whole field element (`30 L 02 01 n …`) exactly as on the chip; builders write it back as is.
    public let encoded: [UInt8]

    public init(number: Int, texts: [String], encoded: [UInt8]) {
        self.number = number
        self.texts = texts
        self.encoded = encoded
    }
}
