/// Public-key operations on the keys a chip presents: its Chip Authentication key (DG14) and its
/// Active Authentication key (DG15), both SubjectPublicKeyInfo structures.
///
/// A sibling of ``ICAOCryptography`` rather than part of it: the symmetric protocols (secure
/// messaging, BAC, PACE) never need it, and test doubles of those stay small. All methods throw
/// ``CryptoError``.
public protocol PublicKeyCryptography: Sendable {
    /// Imports a DER SubjectPublicKeyInfo: RSA, EC with a named curve or **explicit** domain
    /// parameters (common in DG14 and DG15), or X9.42 Diffie-Hellman.
    func publicKey(subjectPublicKeyInfo der: [UInt8]) throws -> any ChipPublicKey

    /// The DER `ECDSA-Sig-Value` for a plain signature r ‖ s (BSI TR-03111), the form chips send.
    func derECDSASignature(plain: [UInt8]) throws -> [UInt8]
}

/// The kinds of key a chip's SubjectPublicKeyInfo can hold.
public enum ChipKeyAlgorithm: Sendable, Hashable {
    case rsa
    case ellipticCurve
    case diffieHellman
}

/// A public key imported from a chip, with the operations Active and Chip Authentication need.
public protocol ChipPublicKey: Sendable {
    var algorithm: ChipKeyAlgorithm { get }
    /// Modulus bits (RSA), group order bits (EC), bits of p (DH).
    var bits: Int { get }

    /// RSA only: signature^e mod n with no padding removed (the ISO/IEC 9796-2 verifier's input),
    /// and n minus it — 9796-2 signers may send min(s, n − s), so the verifier needs both.
    /// Each is exactly as long as the modulus.
    func rsaPublicOperation(_ signature: [UInt8]) throws -> (representative: [UInt8], complement: [UInt8])

    /// EC only: whether `derSignature` is a valid ECDSA signature of H(`message`).
    /// A malformed signature is invalid, not an error.
    func verifyECDSA(derSignature: [UInt8], message: [UInt8], hash: HashAlgorithm) throws -> Bool

    /// EC and DH: a fresh key pair on this key's domain parameters, agreed with this key.
    /// Returns our public key as it travels in an APDU (EC: `04 ‖ x ‖ y`; DH: y padded to the
    /// length of p) and the shared secret the ICAO KDF takes (EC: x; DH: padded to the length of p).
    func ephemeralKeyAgreement() throws -> (publicKey: [UInt8], sharedSecret: [UInt8])
}
