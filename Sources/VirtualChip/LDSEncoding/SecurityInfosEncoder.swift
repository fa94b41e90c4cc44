/// The SecurityInfo entries of EF.CardAccess and DG14 (Doc 9303-11 §9.2), encoded as real
/// CCCD chips encode them (cccd.md §3.1): TA, then CA, then PACE.
enum SecurityInfosEncoder {
    static func terminalAuthenticationInfo() -> [UInt8] {
        DER.sequence(DER.objectIdentifier(SecurityObjectIdentifier.terminalAuthentication), DER.integer(1))
    }

    static func chipAuthenticationInfo() -> [UInt8] {
        DER.sequence(DER.objectIdentifier(SecurityObjectIdentifier.chipAuthenticationECDHAES128), DER.integer(1))
    }

    static func paceInfo(oid: [UInt8], parameterID: Int) -> [UInt8] {
        DER.sequence(DER.objectIdentifier(oid), DER.integer(2), DER.integer(parameterID))
    }

    /// ChipAuthenticationPublicKeyInfo: id-PK-ECDH and the static key's SubjectPublicKeyInfo.
    static func chipAuthenticationPublicKeyInfo(subjectPublicKeyInfo: [UInt8]) -> [UInt8] {
        DER.sequence(DER.objectIdentifier(SecurityObjectIdentifier.chipAuthenticationPublicKeyECDH), subjectPublicKeyInfo)
    }

    /// ActiveAuthenticationInfo naming the ECDSA hash, which DG14 must carry for an EC AA key.
    static func activeAuthenticationInfoECDSASHA256() -> [UInt8] {
        DER.sequence(
            DER.objectIdentifier(SecurityObjectIdentifier.activeAuthentication), DER.integer(1),
            DER.objectIdentifier(SecurityObjectIdentifier.ecdsaPlainSHA256)
        )
    }
}
