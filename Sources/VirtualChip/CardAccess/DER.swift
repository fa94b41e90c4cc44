import ChipProtocol

/// The few DER constructions EF.CardAccess needs, on top of ChipProtocol's ``TLV``. Written by
/// hand (not with swift-asn1) so the file matches real cards byte for byte, field order included.
enum DER {
    /// A small non-negative INTEGER (versions, parameter ids).
    static func integer(_ value: UInt8) -> [UInt8] {
        value < 0x80 ? [0x02, 0x01, value] : [0x02, 0x02, 0x00, value]
    }

    static func objectIdentifier(_ content: [UInt8]) -> [UInt8] {
        TLV(tag: 0x06, value: content).encoded
    }

    static func sequence(_ parts: [UInt8]...) -> [UInt8] {
        TLV(tag: 0x30, value: parts.flatMap { $0 }).encoded
    }

    static func set(_ parts: [[UInt8]]) -> [UInt8] {
        TLV(tag: 0x31, value: parts.flatMap { $0 }).encoded
    }
}

/// Object identifiers (content octets) of the security infos a CCCD chip advertises.
enum SecurityObjectIdentifier {
    /// bsi-de protocols smartcard 0.4.0.127.0.7.2.2.
    private static let smartcard: [UInt8] = [0x04, 0x00, 0x7F, 0x00, 0x07, 0x02, 0x02]
    static let terminalAuthentication = smartcard + [0x02]
    /// id-CA-ECDH-<cipher>; AES-CBC-CMAC-128 is the variant real cards advertise.
    static func chipAuthenticationECDH(cipher: ChipOptions.CipherName) -> [UInt8] {
        smartcard + [0x03, 0x02, cipherArc(cipher)]
    }

    /// id-PACE-{DH,ECDH}-{GM,IM}-<cipher>.
    static func pace(mapping: ChipOptions.Mapping, ellipticCurve: Bool, cipher: ChipOptions.CipherName) -> [UInt8] {
        let mappingArc: UInt8 = switch (mapping, ellipticCurve) {
        case (.generic, false): 1
        case (.generic, true): 2
        case (.integrated, false): 3
        case (.integrated, true): 4
        }
        return smartcard + [0x04, mappingArc, cipherArc(cipher)]
    }

    /// The last arc of the PACE and CA OIDs (Doc 9303-11 §9.2.1).
    private static func cipherArc(_ cipher: ChipOptions.CipherName) -> UInt8 {
        switch cipher {
        case .tripleDES: 1
        case .aes128: 2
        case .aes192: 3
        case .aes256: 4
        }
    }
}
