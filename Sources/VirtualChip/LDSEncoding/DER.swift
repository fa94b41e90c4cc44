import ChipProtocol

/// The handful of DER constructions the chip's files need, on top of ChipProtocol's ``TLV``.
///
/// Part of the LDS-encoding seam: once the `LDS` module's builders are merged, this folder is
/// replaced by calls into them.
enum DER {
    static func integer(_ value: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        var remaining = value
        repeat {
            bytes.insert(UInt8(remaining & 0xFF), at: 0)
            remaining >>= 8
        } while remaining > 0
        if let first = bytes.first, first & 0x80 != 0 { bytes.insert(0, at: 0) }
        return TLV(tag: 0x02, value: bytes).encoded
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

    static func utf8String(_ text: String) -> [UInt8] {
        TLV(tag: 0x0C, value: Array(text.utf8)).encoded
    }

    static func printableString(_ text: String) -> [UInt8] {
        TLV(tag: 0x13, value: Array(text.utf8)).encoded
    }
}

/// Object identifiers (content octets) of the security infos a CCCD chip advertises.
enum SecurityObjectIdentifier {
    /// bsi-de protocols smartcard 0.4.0.127.0.7.2.2.
    private static let smartcard: [UInt8] = [0x04, 0x00, 0x7F, 0x00, 0x07, 0x02, 0x02]
    static let terminalAuthentication = smartcard + [0x02]
    /// id-PK-ECDH: ChipAuthenticationPublicKeyInfo of an EC key.
    static let chipAuthenticationPublicKeyECDH = smartcard + [0x01, 0x02]
    /// id-CA-ECDH-AES-CBC-CMAC-128, the variant real cards advertise.
    static let chipAuthenticationECDHAES128 = smartcard + [0x03, 0x02, 0x02]
    /// 2.23.136.1.1.5 id-icao-mrtd-security-aaProtocolObject.
    static let activeAuthentication: [UInt8] = [0x67, 0x81, 0x08, 0x01, 0x01, 0x05]
    /// 0.4.0.127.0.7.1.1.4.1.3 ecdsa-plain-SHA256 (BSI TR-03111).
    static let ecdsaPlainSHA256: [UInt8] = [0x04, 0x00, 0x7F, 0x00, 0x07, 0x01, 0x01, 0x04, 0x01, 0x03]
    /// 1.0.10646.1.0.8: UTF-8 text, the OID DG13 starts with.
    static let utf8Text: [UInt8] = [0x28, 0xD3, 0x16, 0x01, 0x00, 0x08]

    /// id-PACE-{DH,ECDH}-{GM,IM}-<cipher>.
    static func pace(mapping: ChipOptions.Mapping, ellipticCurve: Bool, cipher: ChipOptions.CipherName) -> [UInt8] {
        let mappingArc: UInt8 = switch (mapping, ellipticCurve) {
        case (.generic, false): 1
        case (.generic, true): 2
        case (.integrated, false): 3
        case (.integrated, true): 4
        }
        let cipherArc: UInt8 = switch cipher {
        case .tripleDES: 1
        case .aes128: 2
        case .aes192: 3
        case .aes256: 4
        }
        return smartcard + [0x04, mappingArc, cipherArc]
    }
}
