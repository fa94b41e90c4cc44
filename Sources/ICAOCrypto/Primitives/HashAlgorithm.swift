/// The message digests ICAO 9303 uses: SHA-1 for BAC/PACE key derivation and 3DES/AES-128 keys,
/// SHA-256 for AES-192/256 keys, and the whole SHA-2 family for EF.SOD hashes and signatures.
public enum HashAlgorithm: String, Sendable, CaseIterable {
    case sha1 = "SHA1"
    case sha224 = "SHA224"
    case sha256 = "SHA256"
    case sha384 = "SHA384"
    case sha512 = "SHA512"

    /// Output length in bytes.
    public var digestLength: Int {
        switch self {
        case .sha1: 20
        case .sha224: 28
        case .sha256: 32
        case .sha384: 48
        case .sha512: 64
        }
    }
}
