public import ICAOCrypto

/// A chip's static Chip Authentication key (ChipAuthenticationPublicKeyInfo in DG14,
/// Doc 9303-11 §9.2.6) with what MSE:Set AT needs to name it. Chip data, so it never prints
/// itself.
public struct ChipAuthenticationKey: Sendable, Hashable, SecretBearing {
    /// The DER SubjectPublicKeyInfo, exactly as DG14 holds it (EC keys often carry explicit
    /// domain parameters).
    public let subjectPublicKeyInfo: [UInt8]
    /// Sent in MSE:Set AT tag 84 when the chip has several keys.
    public let keyID: Int?

    public init(subjectPublicKeyInfo: [UInt8], keyID: Int? = nil) {
        self.subjectPublicKeyInfo = subjectPublicKeyInfo
        self.keyID = keyID
    }
}

/// What DG14 says about Chip and Active Authentication: the protocols, the keys, and the
/// signature hash for ECDSA Active Authentication.
///
/// Only what the reader needs to *run* the protocols; the LDS module parses DG14 fully for
/// display and verification.
public struct ChipSecurityOptions: Sendable, Hashable, SecretBearing {
    public var chipAuthenticationInfos: [ChipAuthenticationInfo]
    public var chipAuthenticationKeys: [ChipAuthenticationKey]
    /// From ActiveAuthenticationInfo's signature algorithm (ecdsa-plain-SHAxxx), when present.
    public var activeAuthenticationHash: HashAlgorithm?

    public init(
        chipAuthenticationInfos: [ChipAuthenticationInfo] = [], chipAuthenticationKeys: [ChipAuthenticationKey] = [],
        activeAuthenticationHash: HashAlgorithm? = nil
    ) {
        self.chipAuthenticationInfos = chipAuthenticationInfos
        self.chipAuthenticationKeys = chipAuthenticationKeys
        self.activeAuthenticationHash = activeAuthenticationHash
    }

    /// The Chip Authentication variant for `key`: the info with the same key id, else the only
    /// (or first) one. Chips with one key often leave the id out of both.
    public func chipAuthenticationInfo(for key: ChipAuthenticationKey) -> ChipAuthenticationInfo? {
        chipAuthenticationInfos.first { $0.keyID != nil && $0.keyID == key.keyID } ?? chipAuthenticationInfos.first
    }
}
