/// Point arithmetic on one named curve: the operations PACE generic mapping (G̃ = s·G + H),
/// the ephemeral ECDH and Chip Authentication are built from.
///
/// Scalars are big-endian byte strings of any length; results are points with coordinates
/// padded to ``coordinateLength``. All methods throw ``CryptoError``.
public protocol EllipticCurve: Sendable {
    var curve: NamedCurve { get }
    /// Length in bytes of a field element (of p), which is also each coordinate's length.
    var coordinateLength: Int { get }
    /// The curve's base point G.
    var generator: ECPoint { get }
    /// Bit length of p (PACE Integrated Mapping sizes its pseudo-random output from it).
    var primeBitLength: Int { get }

    /// Reads an uncompressed point `04 ‖ x ‖ y`, rejecting anything not on the curve.
    func decodePoint(_ encoded: [UInt8]) throws -> ECPoint

    /// scalar · point. Fails on an off-curve input or an infinite result.
    func multiply(_ point: ECPoint, by scalar: [UInt8]) throws -> ECPoint

    /// a + b. Fails on off-curve inputs or an infinite result.
    func add(_ a: ECPoint, _ b: ECPoint) throws -> ECPoint

    /// f_G of PACE Integrated Mapping (Doc 9303-11 App. B): the point encoding of
    /// `randomValue mod p`, a generator whose discrete logarithm nobody knows.
    func integratedMappingPoint(from randomValue: [UInt8]) throws -> ECPoint

    /// A private scalar uniformly in [1, n−1], drawn from `random` by rejection sampling so that an
    /// injected value of the right length is used unchanged.
    func generatePrivateKey(using random: any RandomSource) throws -> [UInt8]
}

extension EllipticCurve {
    /// A fresh key pair on the generator `base` (the curve's G, or PACE's mapped G̃).
    public func generateKeyPair(base: ECPoint, using random: any RandomSource) throws -> ECKeyPair {
        let privateKey = try generatePrivateKey(using: random)
        return ECKeyPair(privateKey: privateKey, publicKey: try multiply(base, by: privateKey))
    }

    /// ECDH: the x-coordinate of privateKey · peer, which ICAO feeds to the KDF.
    public func sharedSecret(privateKey: [UInt8], peer: ECPoint) throws -> [UInt8] {
        try multiply(peer, by: privateKey).x
    }
}
