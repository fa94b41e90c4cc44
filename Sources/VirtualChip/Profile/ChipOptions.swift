import ICAOCrypto

/// How a virtual card deviates from the typical CCCD, to exercise the reader's fallbacks and the
/// verifier's verdicts. The defaults describe the cards in the field (cccd.md §3).
public struct ChipOptions: Sendable, Hashable, Codable {
    /// What the chip does with a READ BINARY asking for more than ``maxLe`` bytes.
    public enum MaxLeBehaviour: String, Sendable, Hashable, Codable {
        /// Return at most ``maxLe`` bytes with 9000 (the reader must notice the short answer).
        case cap
        /// Refuse with 6700.
        case wrongLength
        /// Refuse with 6Cxx, xx = ``maxLe`` (ISO 7816-4 "wrong Le, exact length is xx").
        case exactLength
    }

    /// PACE mapping advertised in EF.CardAccess.
    public enum Mapping: String, Sendable, Hashable, Codable {
        case generic
        case integrated
    }

    /// Which layout DG13 field 13 (father and mother) uses; both occur on real cards.
    public enum ParentsLayout: String, Sendable, Hashable, Codable {
        /// One nested SEQUENCE holding both names.
        case nested
        /// Two SEQUENCEs of one name each.
        case separate
    }

    /// No EF.CardAccess (6A82) and no PACE: BAC only, like older passports.
    public var bacOnly = false
    /// Extended-length APDUs answered with 6700; responses limited to 256 bytes.
    public var noExtendedLength = false
    /// Largest READ BINARY Ne the chip serves; `nil` for no limit beyond the APDU's.
    public var maxLe: Int?
    public var maxLeBehaviour = MaxLeBehaviour.cap
    /// Active Authentication signs with a key other than the one in DG15.
    public var clonedChip = false
    /// DG13 is served altered after EF.SOD was computed over the genuine one.
    public var tamperedDG13 = false
    /// A clone that brings its own Active Authentication key: it serves a DG15 holding that key
    /// (so AA verifies against the DG15 served) while EF.SOD still hashes the genuine DG15.
    public var substitutedDG15 = false
    /// No Chip Authentication: no CA entry in EF.CardAccess, no DG14.
    public var withoutCA = false
    /// Standardized domain parameter id of PACE (13 = brainpoolP256r1 on real cards).
    public var paceParameterID = 13
    public var paceMapping = Mapping.generic
    public var paceCipher = CipherName.aes128
    /// The cipher of Chip Authentication's new secure messaging (DG14 and EF.CardAccess name it).
    /// AES runs MSE:Set AT + GENERAL AUTHENTICATE; 3DES the older MSE:Set KAT (Doc 9303-11 §6.2).
    public var chipAuthenticationCipher = CipherName.aes128
    /// MSE:Set AT without tag 84 answered 6A87 (some chips do, cccd.md §6.4); real CCCDs accept it.
    public var requireParameterID = false
    public var parentsLayout = ParentsLayout.nested

    public init() {}

    /// The cipher of the PACE OID, by the name a profile writes.
    public enum CipherName: String, Sendable, Hashable, Codable {
        case tripleDES = "3des"
        case aes128
        case aes192
        case aes256

        var algorithm: CipherAlgorithm {
            switch self {
            case .tripleDES: .tripleDES
            case .aes128: .aes128
            case .aes192: .aes192
            case .aes256: .aes256
            }
        }
    }

    private enum CodingKeys: String, CodingKey {
        case bacOnly, noExtendedLength, maxLe, maxLeBehaviour, clonedChip, tamperedDG13, substitutedDG15, withoutCA
        case paceParameterID, paceMapping, paceCipher, requireParameterID, parentsLayout, chipAuthenticationCipher
    }

    /// Every key is optional and defaults to the typical card.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        bacOnly = try c.decodeIfPresent(Bool.self, forKey: .bacOnly) ?? false
        noExtendedLength = try c.decodeIfPresent(Bool.self, forKey: .noExtendedLength) ?? false
        maxLe = try c.decodeIfPresent(Int.self, forKey: .maxLe)
        maxLeBehaviour = try c.decodeIfPresent(MaxLeBehaviour.self, forKey: .maxLeBehaviour) ?? .cap
        clonedChip = try c.decodeIfPresent(Bool.self, forKey: .clonedChip) ?? false
        tamperedDG13 = try c.decodeIfPresent(Bool.self, forKey: .tamperedDG13) ?? false
        substitutedDG15 = try c.decodeIfPresent(Bool.self, forKey: .substitutedDG15) ?? false
        withoutCA = try c.decodeIfPresent(Bool.self, forKey: .withoutCA) ?? false
        paceParameterID = try c.decodeIfPresent(Int.self, forKey: .paceParameterID) ?? 13
        paceMapping = try c.decodeIfPresent(Mapping.self, forKey: .paceMapping) ?? .generic
        paceCipher = try c.decodeIfPresent(CipherName.self, forKey: .paceCipher) ?? .aes128
        chipAuthenticationCipher = try c.decodeIfPresent(CipherName.self, forKey: .chipAuthenticationCipher) ?? .aes128
        requireParameterID = try c.decodeIfPresent(Bool.self, forKey: .requireParameterID) ?? false
        parentsLayout = try c.decodeIfPresent(ParentsLayout.self, forKey: .parentsLayout) ?? .nested
    }
}
