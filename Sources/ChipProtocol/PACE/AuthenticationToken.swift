import ICAOCrypto

/// The PACE authentication token (Doc 9303-11 §4.4.3.4): a MAC with KS_mac over the *other*
/// party's ephemeral public key, wrapped in a 7F49 public-key data object with the protocol OID.
/// Each side proves it derived the same session keys without revealing them.
enum AuthenticationToken {
    static func compute(
        macKey: [UInt8], cipher: CipherAlgorithm, algorithm: PACEAlgorithm,
        publicKeyTag: UInt32, publicKey: [UInt8], crypto: any ICAOCryptography
    ) throws -> [UInt8] {
        let input = TLV(
            tag: 0x7F49,
            value: TLV(tag: 0x06, value: algorithm.objectIdentifierContent).encoded + TLV(tag: publicKeyTag, value: publicKey).encoded
        ).encoded
        switch cipher {
        case .tripleDES:
            return try crypto.retailMAC(key: macKey, Padding.pad(input, blockSize: 8))
        case .aes128, .aes192, .aes256:
            return Array(try crypto.cmac(key: macKey, input).prefix(8))
        }
    }
}
