import ICAOCrypto

/// The chip's static Chip Authentication key (DG14), and the protocol it runs with it:
/// id-CA-ECDH-<cipher>, AES-CBC-CMAC-128 as real CCCDs advertise unless a profile asks otherwise.
struct ChipAuthenticationKey: Sendable {
    let curve: any EllipticCurve
    let keyPair: ECKeyPair
    let objectIdentifier: [UInt8]
    let cipher: CipherAlgorithm

    init(key: SigningKey, cipher: ChipOptions.CipherName, crypto: any ICAOCryptography) throws {
        guard case .ellipticCurve = key.algorithm else { throw VirtualChipError(.unsupportedChipAuthenticationKey) }
        let (name, pair) = try key.ellipticCurveKeyPair()
        curve = try crypto.ellipticCurve(name)
        keyPair = pair
        objectIdentifier = SecurityObjectIdentifier.chipAuthenticationECDH(cipher: cipher)
        self.cipher = cipher.algorithm
    }
}
