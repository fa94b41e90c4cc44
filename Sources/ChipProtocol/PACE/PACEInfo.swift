public import ICAOCrypto

/// A PACE protocol OID decoded into what the terminal has to do.
public struct PACEAlgorithm: Sendable, Hashable {
    public let mapping: MappingType
    public let keyAgreement: KeyAgreementAlgorithm
    public let cipher: CipherAlgorithm
    /// The OID's content octets: the value of MSE:Set AT tag 80 and of tag 06 in the token's 7F49.
    public let objectIdentifierContent: [UInt8]

    /// id-PACE-{DH,ECDH}-{GM,IM,CAM}-{3DES-CBC-CBC,AES-CBC-CMAC-128/192/256}; nil for other OIDs.
    init?(components: [UInt], content: [UInt8]) {
        guard let arcs = SecurityProtocolArc.suffix(of: components, after: SecurityProtocolArc.pace),
              arcs.count == 2, let cipher = SecurityProtocolArc.cipher(arcs[1])
        else { return nil }
        switch arcs[0] {
        case 1: (mapping, keyAgreement) = (.generic, .diffieHellman)
        case 2: (mapping, keyAgreement) = (.generic, .ellipticCurveDiffieHellman)
        case 3: (mapping, keyAgreement) = (.integrated, .diffieHellman)
        case 4: (mapping, keyAgreement) = (.integrated, .ellipticCurveDiffieHellman)
        case 6: (mapping, keyAgreement) = (.chipAuthentication, .ellipticCurveDiffieHellman)
        default: return nil
        }
        self.cipher = cipher
        self.objectIdentifierContent = content
    }
}

/// PACEInfo (Doc 9303-11 §9.2.1): one PACE variant the chip supports.
public struct PACEInfo: Sendable, Hashable {
    public let algorithm: PACEAlgorithm
    /// Must be 2 for PACE v2; other versions are kept so the caller can decide.
    public let version: Int
    /// Standardized domain parameter id (0–18), absent when the chip uses proprietary parameters
    /// from a PACEDomainParameterInfo.
    public let parameterID: Int?

    /// The standardized domain parameters, when ``parameterID`` names one.
    public var domainParameters: DomainParameters? {
        parameterID.flatMap(DomainParameters.init(standardizedID:))
    }
}

/// ChipAuthenticationInfo (Doc 9303-11 §9.2.5): a Chip Authentication variant in EF.CardAccess
/// or DG14.
public struct ChipAuthenticationInfo: Sendable, Hashable {
    public let keyAgreement: KeyAgreementAlgorithm
    /// nil for the bare id-CA-DH / id-CA-ECDH OIDs of version 1 chips (3DES implied).
    public let cipher: CipherAlgorithm?
    public let version: Int
    /// Which of several chip keys this refers to.
    public let keyID: Int?
}

/// TerminalAuthenticationInfo (Doc 9303-11 §9.2.6): the chip supports Terminal Authentication,
/// which protects DG3/DG4 (fingerprints, iris) — a kiosk does not read those.
public struct TerminalAuthenticationInfo: Sendable, Hashable {
    public let version: Int
}
