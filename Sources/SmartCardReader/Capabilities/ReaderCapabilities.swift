/// How large an APDU a reader carries, and how we know.
///
/// PC/SC has no standard way to ask a reader "do you carry extended APDUs?". What is *detected*:
/// libccid's `SCARD_ATTR_MAXINPUT` (the CCID `dwMaxCCIDMessageLength` minus the 10-byte header),
/// which other drivers usually do not answer. What is *known*: a table of reader models from
/// field reports (``KnownReaderModel``), matched on the reader name pcscd shows or on the
/// driver's `SCARD_ATTR_VENDOR_IFD_TYPE` when it answers that. Anything else is
/// *assumed* short-only — the safe choice, since the chip layer falls back from extended to short
/// on 6700/6B00/6988 but cannot recover from a reader that silently truncates.
public struct ReaderCapabilities: Sendable, Hashable {
    public var supportsExtendedLength: Bool
    /// Largest command APDU in bytes (header, Lc, data, Le).
    public var maxCommandLength: Int
    /// Largest response APDU in bytes, data plus SW1 SW2.
    public var maxResponseLength: Int
    /// Where these numbers came from.
    public var basis: Basis

    public enum Basis: Sendable, Hashable {
        /// The reader model is in the table of known readers.
        case knownModel(String)
        /// The driver reported `SCARD_ATTR_MAXINPUT` with this value.
        case readerAttribute(maxInput: Int)
        /// Nothing was detected; conservative short-APDU limits.
        case assumed

        /// Stable name for JSON and logs: `knownModel`, `readerAttribute`, `assumed`.
        public var name: String {
            switch self {
            case .knownModel: "knownModel"
            case .readerAttribute: "readerAttribute"
            case .assumed: "assumed"
            }
        }
    }

    public init(supportsExtendedLength: Bool, maxCommandLength: Int, maxResponseLength: Int, basis: Basis) {
        self.supportsExtendedLength = supportsExtendedLength
        self.maxCommandLength = maxCommandLength
        self.maxResponseLength = maxResponseLength
        self.basis = basis
    }

    /// Short APDUs: 4 header + Lc + 255 data + Le = 261; 256 data + SW = 258.
    public static let shortOnly = ReaderCapabilities(
        supportsExtendedLength: false, maxCommandLength: 261, maxResponseLength: 258, basis: .assumed
    )

    /// Extended APDUs: 4 + 3 + 65535 + 2 = 65544; 65536 data + SW = 65538.
    public static let extended = ReaderCapabilities(
        supportsExtendedLength: true, maxCommandLength: 65544, maxResponseLength: 65538, basis: .assumed
    )

    /// The capabilities for `readerName`, given what the driver answered (`ifdType` for
    /// `SCARD_ATTR_VENDOR_IFD_TYPE`, `maxInput` for `SCARD_ATTR_MAXINPUT`). A known model wins over
    /// the attribute: the table records what readers do in the field (an ACR122U's firmware
    /// rejects more than its descriptor suggests).
    public static func detect(readerName: String, ifdType: String? = nil, maxInput: Int?) -> ReaderCapabilities {
        if let model = KnownReaderModel.matching(readerName) ?? ifdType.flatMap(KnownReaderModel.matching) {
            return model.capabilities
        }
        if let maxInput, maxInput > 0 {
            // A CCID message carrying a whole extended APDU needs at least 65544 bytes of payload.
            // Below that the reader may still chain at TPDU level for contact cards, but we
            // cannot tell from PC/SC, so we do not claim extended support.
            let carriesExtended = maxInput >= Self.extended.maxCommandLength
            return ReaderCapabilities(
                supportsExtendedLength: carriesExtended,
                maxCommandLength: carriesExtended
                    ? Self.extended.maxCommandLength : min(maxInput, shortOnly.maxCommandLength),
                maxResponseLength: carriesExtended ? Self.extended.maxResponseLength : shortOnly.maxResponseLength,
                basis: .readerAttribute(maxInput: maxInput)
            )
        }
        return shortOnly
    }

    /// Whether a command may use extended length: the reader carries it and the card does not
    /// deny it. A card that says nothing (`nil`, usual for eMRTDs) is given the benefit of the
    /// doubt; the chip layer still falls back on 6700/6B00/6988.
    public func allowsExtendedLength(for atr: AnswerToReset) -> Bool {
        supportsExtendedLength && atr.declaresExtendedLength != false
    }
}
