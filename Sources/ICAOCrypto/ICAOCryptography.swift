/// Every cryptographic operation the ICAO 9303 reader needs, behind one protocol.
///
/// The protocol layer (secure messaging, BAC, PACE) only talks to this protocol, so it can be
/// tested and fuzzed with another implementation, and the C library stays in one place
/// (``OpenSSLCrypto``). Keys and data are plain byte arrays: the values ICAO specifies are octet
/// strings, and the protocol layer builds and compares them byte by byte.
///
/// All methods throw ``CryptoError``.
public protocol ICAOCryptography: Sendable {
    /// H(message) with the given digest.
    func hash(_ algorithm: HashAlgorithm, _ message: [UInt8]) throws -> [UInt8]

    /// Encrypts whole blocks, without padding (ICAO pads explicitly with ``Padding``).
    func encrypt(_ cipher: CipherAlgorithm, _ mode: CipherMode, key: [UInt8], _ data: [UInt8]) throws -> [UInt8]

    /// Decrypts whole blocks, without removing padding.
    func decrypt(_ cipher: CipherAlgorithm, _ mode: CipherMode, key: [UInt8], _ data: [UInt8]) throws -> [UInt8]

    /// ISO/IEC 9797-1 MAC algorithm 3 ("retail MAC") with DES and a 16-byte key K1‖K2, over data
    /// already padded to 8 bytes. Returns 8 bytes.
    func retailMAC(key: [UInt8], _ paddedMessage: [UInt8]) throws -> [UInt8]

    /// AES-CMAC (NIST SP 800-38B) with a 16/24/32-byte key. Returns the full 16 bytes; ICAO
    /// truncates to 8 where it needs to.
    func cmac(key: [UInt8], _ message: [UInt8]) throws -> [UInt8]

    /// Arithmetic on a named elliptic curve (PACE-ECDH, Chip Authentication).
    func ellipticCurve(_ curve: NamedCurve) throws -> any EllipticCurve

    /// Arithmetic in a standard finite-field group (PACE-DH).
    func modularGroup(_ group: StandardModularGroup) throws -> any ModularGroup
}
