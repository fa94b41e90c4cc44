internal import COpenSSL

/// A public key's algorithm, size and curve, for trust-store listings and reports.
public struct PublicKeyDescription: Sendable, Hashable, CustomStringConvertible, Codable {
    /// `EC`, `RSA`, `RSA-PSS`, `DSA`…
    public var algorithm: String
    public var bits: Int
    /// The curve's OpenSSL short name (`brainpoolP512r1`, `prime256v1`), also for a key with
    /// explicit parameters when they match a named curve; nil otherwise.
    public var curve: String?
    /// The key carries its curve as explicit parameters rather than by name (German document
    /// signers and several CSCAs do).
    public var explicitParameters: Bool

    public init(algorithm: String, bits: Int, curve: String? = nil, explicitParameters: Bool = false) {
        self.algorithm = algorithm
        self.bits = bits
        self.curve = curve
        self.explicitParameters = explicitParameters
    }

    init(_ key: OpaquePointer) {
        let bits = Int(EVP_PKEY_get_bits(key))
        switch EVP_PKEY_get_base_id(key) {
        case EVP_PKEY_EC:
            var explicit: Int32 = 0
            let nid = cccd_ec_curve_nid(key, &explicit)
            let curve = nid == NID_undef ? nil : String(cString: OBJ_nid2sn(nid))
            self.init(algorithm: "EC", bits: bits, curve: curve, explicitParameters: explicit == 1)
        case EVP_PKEY_RSA: self.init(algorithm: "RSA", bits: bits)
        case EVP_PKEY_RSA_PSS: self.init(algorithm: "RSA-PSS", bits: bits)
        default:
            let name = EVP_PKEY_get0_type_name(key).map { String(cString: $0) } ?? "unknown"
            self.init(algorithm: name, bits: bits)
        }
    }

    /// `EC brainpoolP512r1 (explicit parameters)`, `RSA 2048`.
    public var description: String {
        guard algorithm == "EC" else { return "\(algorithm) \(bits)" }
        let name = curve ?? "unnamed \(bits)-bit curve"
        return explicitParameters ? "EC \(name) (explicit parameters)" : "EC \(name)"
    }
}
