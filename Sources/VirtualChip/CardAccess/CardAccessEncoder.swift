import ICAOCrypto

/// EF.CardAccess (Doc 9303-11 §9.2) as real CCCD chips encode it (cccd.md §3.1): the SET of
/// TerminalAuthenticationInfo, ChipAuthenticationInfo (when the chip has a CA key) and PACEInfo,
/// in that order.
enum CardAccessEncoder {
    static func encode(options: ChipOptions, chipAuthentication: Bool) throws -> [UInt8] {
        guard let parameterID = UInt8(exactly: options.paceParameterID),
              let parameters = DomainParameters(standardizedID: options.paceParameterID)
        else { throw VirtualChipError(.unsupportedPACEParameters, diagnostic: "parameter id \(options.paceParameterID)") }
        let isCurve = if case .ellipticCurve = parameters { true } else { false }
        let paceOID = SecurityObjectIdentifier.pace(mapping: options.paceMapping, ellipticCurve: isCurve, cipher: options.paceCipher)
        var entries = [DER.sequence(DER.objectIdentifier(SecurityObjectIdentifier.terminalAuthentication), DER.integer(1))]
        if chipAuthentication {
            let oid = SecurityObjectIdentifier.chipAuthenticationECDH(cipher: options.chipAuthenticationCipher)
            entries.append(DER.sequence(DER.objectIdentifier(oid), DER.integer(1)))
        }
        entries.append(DER.sequence(DER.objectIdentifier(paceOID), DER.integer(2), DER.integer(parameterID)))
        return DER.set(entries)
    }
}
