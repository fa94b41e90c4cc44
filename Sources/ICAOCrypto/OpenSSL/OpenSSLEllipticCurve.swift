internal import COpenSSL

/// ``EllipticCurve`` on an OpenSSL `EC_GROUP`.
///
/// Points cross the boundary as affine coordinates; `EC_POINT_set_affine_coordinates` rejects
/// any point that is not on the curve, so a hostile chip cannot smuggle in an invalid-curve point.
struct OpenSSLEllipticCurve: EllipticCurve {
    let curve: NamedCurve
    let coordinateLength: Int
    let generator: ECPoint
    let primeBitLength: Int
    let group: ECGroupHandle
    /// n, big-endian, and its bit length (for rejection sampling of private keys).
    private let order: [UInt8]
    private let orderBits: Int

    init(_ curve: NamedCurve) throws {
        self.curve = curve
        let group = try ECGroupHandle(curveName: curve.rawValue)
        self.group = group
        self.primeBitLength = Int(EC_GROUP_get_degree(group.handle))
        self.coordinateLength = (primeBitLength + 7) / 8
        guard let orderHandle = EC_GROUP_get0_order(group.handle),
              let generatorHandle = EC_GROUP_get0_generator(group.handle)
        else { throw OpenSSLError.capture("EC_GROUP_get0_order/generator") }
        self.orderBits = Int(BN_num_bits(orderHandle))
        var order = [UInt8](repeating: 0, count: (orderBits + 7) / 8)
        guard BN_bn2binpad(orderHandle, &order, Int32(order.count)) == Int32(order.count) else {
            throw OpenSSLError.capture("BN_bn2binpad")
        }
        self.order = order
        self.generator = try Self.coordinates(of: generatorHandle, in: group, length: coordinateLength)
    }

    func decodePoint(_ encoded: [UInt8]) throws -> ECPoint {
        guard encoded.count == 1 + 2 * coordinateLength, encoded.first == 0x04 else {
            throw CryptoError(.invalidPoint, diagnostic: "expected 04‖x‖y of \(1 + 2 * coordinateLength) bytes, got \(encoded.count)")
        }
        let point = ECPoint(
            x: Array(encoded[1...coordinateLength]),
            y: Array(encoded[(1 + coordinateLength)...])
        )
        return try validated(point)
    }

    func multiply(_ point: ECPoint, by scalar: [UInt8]) throws -> ECPoint {
        let context = try BigNumberContext()
        let input = try handle(for: point, context: context)
        let factor = try BigNumber(scalar)
        let result = try ECPointHandle(group: group)
        return try withExtendedLifetime((context, input, factor, result)) {
            BN_set_flags(factor.handle, BN_FLG_CONSTTIME)
            guard EC_POINT_mul(group.handle, result.handle, nil, input.handle, factor.handle, context.handle) == 1 else {
                throw OpenSSLError.capture("EC_POINT_mul")
            }
            return try coordinates(of: result.handle, context: context)
        }
    }

    func add(_ a: ECPoint, _ b: ECPoint) throws -> ECPoint {
        let context = try BigNumberContext()
        let first = try handle(for: a, context: context)
        let second = try handle(for: b, context: context)
        let result = try ECPointHandle(group: group)
        return try withExtendedLifetime((context, first, second, result)) {
            guard EC_POINT_add(group.handle, result.handle, first.handle, second.handle, context.handle) == 1 else {
                throw OpenSSLError.capture("EC_POINT_add")
            }
            return try coordinates(of: result.handle, context: context)
        }
    }

    func generatePrivateKey(using random: any RandomSource) throws -> [UInt8] {
        try RejectionSampling.scalar(below: order, bits: orderBits, using: random)
    }

    /// `point` unchanged once it is known to lie on this curve.
    func validated(_ point: ECPoint) throws -> ECPoint {
        _ = try handle(for: point, context: try BigNumberContext())
        return point
    }

    /// The cofactor h, big-endian.
    func cofactorBytes() throws -> [UInt8] {
        try withExtendedLifetime(group) {
            guard let cofactor = EC_GROUP_get0_cofactor(group.handle) else { throw OpenSSLError.capture("EC_GROUP_get0_cofactor") }
            var bytes = [UInt8](repeating: 0, count: Int((BN_num_bits(cofactor) + 7) / 8))
            _ = BN_bn2bin(cofactor, &bytes)
            return bytes
        }
    }

    /// An OpenSSL point for `point`, failing if it is not on this curve.
    private func handle(for point: ECPoint, context: BigNumberContext) throws -> ECPointHandle {
        guard point.x.count == coordinateLength, point.y.count == coordinateLength else {
            throw CryptoError(.invalidPoint, diagnostic: "coordinates are not \(coordinateLength) bytes")
        }
        let result = try ECPointHandle(group: group)
        let x = try BigNumber(point.x)
        let y = try BigNumber(point.y)
        try withExtendedLifetime((x, y, group)) {
            guard EC_POINT_set_affine_coordinates(group.handle, result.handle, x.handle, y.handle, context.handle) == 1 else {
                _ = OpenSSLError.capture("EC_POINT_set_affine_coordinates")
                throw CryptoError(.invalidPoint, diagnostic: "point is not on \(curve.rawValue)")
            }
        }
        return result
    }

    /// Affine coordinates of a finite point, padded to the field length.
    private func coordinates(of point: OpaquePointer, context: BigNumberContext) throws -> ECPoint {
        try Self.coordinates(of: point, in: group, length: coordinateLength, context: context)
    }

    private static func coordinates(
        of point: OpaquePointer, in group: ECGroupHandle, length: Int, context: BigNumberContext? = nil
    ) throws -> ECPoint {
        let x = try BigNumber()
        let y = try BigNumber()
        try withExtendedLifetime((group, x, y, context)) {
            guard EC_POINT_is_at_infinity(group.handle, point) == 0 else {
                throw CryptoError(.pointAtInfinity)
            }
            guard EC_POINT_get_affine_coordinates(group.handle, point, x.handle, y.handle, context?.handle) == 1 else {
                throw OpenSSLError.capture("EC_POINT_get_affine_coordinates")
            }
        }
        return ECPoint(x: try x.bytes(paddedTo: length), y: try y.bytes(paddedTo: length))
    }
}
