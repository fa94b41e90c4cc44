/// How large each READ BINARY may be: the one setting that decides how many round trips a read
/// costs (every APDU costs milliseconds over RF).
///
/// Short APDUs are the default with Le 0xDF: the largest answer whose 3DES- or AES-protected form
/// (DO87 with padding, DO99, DO8E, SW) still fits 256 bytes; some chips reject Le 00 (cccd.md §6.2).
/// Extended length is used only when the reader reports it (``maximumExtendedLength``) and is
/// dropped for the rest of the session at the first 6700/6B00/6988 the chip gives it.
public struct ReadPolicy: Sendable, Hashable {
    /// Largest Ne of a short READ BINARY.
    public var maximumShortLength: Int
    /// Largest file bytes per extended READ BINARY; nil when the reader cannot carry extended APDUs.
    public var maximumExtendedLength: Int?
    /// Bytes read first to learn the file's TLV length (tag and a length of up to 3 bytes).
    public var headerLength: Int
    /// Read a file's header by its short EF identifier, which selects it in the same round trip
    /// (one APDU less per file). [?] Not verified on CCCDs; a chip that refuses it costs one
    /// APDU once, after which the session SELECTs by FID.
    public var usesShortFileIdentifiers: Bool

    public init(
        maximumShortLength: Int = 0xDF, maximumExtendedLength: Int? = nil, headerLength: Int = 4,
        usesShortFileIdentifiers: Bool = true
    ) {
        self.usesShortFileIdentifiers = usesShortFileIdentifiers
        self.maximumShortLength = min(max(maximumShortLength, 1), CommandAPDU.shortMaximumExpectedLength)
        self.maximumExtendedLength = maximumExtendedLength.map { min(max($0, 1), CommandAPDU.extendedMaximumExpectedLength) }
        self.headerLength = min(max(headerLength, 2), 8)
    }

    /// Short APDUs with Le 0xDF.
    public static let shortOnly = ReadPolicy()

    /// Bytes a protected answer adds to the file bytes in the worst case: DO87 header (tag, 4-byte
    /// length, padding indicator), a full padding block, DO99, DO8E and SW1 SW2.
    static let secureMessagingOverhead = 6 + 16 + 4 + 10 + 2

    /// Extended reads sized to the reader's largest response APDU (as PC/SC reports it), leaving
    /// room for the secure-messaging wrapping.
    public static func extended(
        readerMaximumResponseLength: Int, maximumShortLength: Int = 0xDF, usesShortFileIdentifiers: Bool = true
    ) -> ReadPolicy {
        let usable = readerMaximumResponseLength - secureMessagingOverhead
        return ReadPolicy(
            maximumShortLength: maximumShortLength,
            maximumExtendedLength: usable > CommandAPDU.shortMaximumExpectedLength ? usable : nil,
            usesShortFileIdentifiers: usesShortFileIdentifiers
        )
    }
}
