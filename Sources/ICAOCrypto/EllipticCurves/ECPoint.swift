/// An affine point on an elliptic curve, as fixed-length big-endian coordinates.
///
/// Points are plain values so the protocol layer can encode them into data objects and compare
/// them. Creating one does not validate it: every ``EllipticCurve`` operation checks that its
/// input lies on the curve, and ``EllipticCurve/decodePoint(_:)`` is the way to read one from a chip.
public struct ECPoint: Sendable, Hashable {
    public var x: [UInt8]
    public var y: [UInt8]

    public init(x: [UInt8], y: [UInt8]) {
        self.x = x
        self.y = y
    }

    /// The uncompressed encoding `04 ‖ x ‖ y` (SEC 1 §2.3.3) that PACE and Chip Authentication
    /// exchange.
    public var uncompressedEncoding: [UInt8] { [0x04] + x + y }
}

/// A private scalar and its public point.
public struct ECKeyPair: Sendable, Hashable, SecretBearing {
    public var privateKey: [UInt8]
    public var publicKey: ECPoint

    public init(privateKey: [UInt8], publicKey: ECPoint) {
        self.privateKey = privateKey
        self.publicKey = publicKey
    }
}
