import ICAOCrypto

/// The chip's static Chip Authentication key (DG14), and the protocol it runs with it:
/// id-CA-ECDH-AES-CBC-CMAC-128, as real CCCDs advertise.
struct ChipAuthenticationKey: Sendable {
    let curve: any EllipticCurve
    let keyPair: ECKeyPair
    let objectIdentifier = SecurityObjectIdentifier.chipAuthenticationECDHAES128
    let cipher = CipherAlgorithm.aes128

    init(key: SigningKey, crypto: any ICAOCryptography) throws {
        guard case .ellipticCurve = key.algorithm else { throw VirtualChipError(.unsupportedChipAuthenticationKey) }
        let (name, pair) = try key.ellipticCurveKeyPair()
        curve = try crypto.ellipticCurve(name)
        keyPair = pair
    }
}
