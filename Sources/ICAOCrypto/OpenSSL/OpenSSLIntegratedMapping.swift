internal import COpenSSL

extension OpenSSLEllipticCurve {
    /// f_G of PACE Integrated Mapping (Doc 9303-11 App. B, after Brier et al. 2010, "simplified
    /// SWU"): maps u = randomValue mod p to a curve point without knowing its discrete log.
    /// Needs p ≡ 3 (mod 4) for the square-root trick — true for every brainpool curve and NIST
    /// P-192/256/384/521, not for P-224, which is rejected.
    func integratedMappingPoint(from randomValue: [UInt8]) throws -> ECPoint {
        let p = try BigNumber()
        let a = try BigNumber()
        let b = try BigNumber()
        try withExtendedLifetime((p, a, b, group)) {
            guard EC_GROUP_get_curve(group.handle, p.handle, a.handle, b.handle, nil) == 1 else {
                throw OpenSSLError.capture("EC_GROUP_get_curve")
            }
        }
        guard withExtendedLifetime(p, { BN_mod_word(p.handle, 4) }) == 3 else {
            throw CryptoError(.unsupportedAlgorithm, diagnostic: "integrated mapping needs p ≡ 3 mod 4 (\(curve.rawValue))")
        }
        let field = try FieldArithmetic(modulus: p)
        let one = try field.number(word: 1)
        let u = try field.reduce(try field.number(randomValue))
        let alpha = try field.negate(try field.multiply(u, u))
        // X2 = −b · a⁻¹ · (1 + (α + α²)⁻¹)
        let correction = try field.add(one, try field.inverse(try field.add(alpha, try field.multiply(alpha, alpha))))
        let x2 = try field.multiply(try field.multiply(try field.negate(b), try field.inverse(a)), correction)
        let x3 = try field.multiply(alpha, x2)
        let h2 = try field.add(try field.add(try field.multiply(try field.multiply(x2, x2), x2), try field.multiply(a, x2)), b)
        // A = h2^(p − 1 − (p + 1)/4): A·h2 is a square root of h2 when h2 is a square.
        let exponent = try BigNumber()
        try withExtendedLifetime((exponent, p)) {
            guard BN_copy(exponent.handle, p.handle) != nil, BN_add_word(exponent.handle, 1) == 1,
                  BN_rshift(exponent.handle, exponent.handle, 2) == 1
            else { throw OpenSSLError.capture("BN_rshift") }
        }
        let pMinusOne = try field.subtract(try field.number(word: 0), one)
        let root = try field.power(h2, try field.subtract(pMinusOne, exponent))
        let isSquare = try field.multiply(try field.multiply(root, root), h2).isOne
        let x = isSquare ? x2 : x3
        let y = isSquare
            ? try field.multiply(root, h2)
            : try field.multiply(root, try field.multiply(try field.multiply(try field.multiply(u, u), u), h2))
        let point = ECPoint(x: try x.bytes(paddedTo: coordinateLength), y: try y.bytes(paddedTo: coordinateLength))
        // Every curve of the PACE table has cofactor 1, so the point is already in <G>; multiply
        // by h otherwise so the result lies in the prime-order subgroup.
        let cofactor = try cofactorBytes()
        return cofactor == [1] ? try validated(point) : try multiply(point, by: cofactor)
    }
}

extension OpenSSLModularGroup {
    /// f_g of PACE-DH Integrated Mapping: g̃ = (randomValue mod p)^((p−1)/q) mod p, never 1.
    func integratedMappingGenerator(from randomValue: [UInt8]) throws -> [UInt8] {
        let field = try FieldArithmetic(modulus: try BigNumber(prime))
        let p = try BigNumber(prime)
        let q = try BigNumber(order)
        let cofactor = try BigNumber()
        let remainder = try BigNumber()
        let context = try BigNumberContext()
        try withExtendedLifetime((p, q, cofactor, remainder, context)) {
            guard BN_sub_word(p.handle, 1) == 1,
                  BN_div(cofactor.handle, remainder.handle, p.handle, q.handle, context.handle) == 1
            else { throw OpenSSLError.capture("BN_div") }
        }
        let generator = try field.power(try field.reduce(try field.number(randomValue)), cofactor)
        guard !generator.isOne, !generator.isZero else {
            throw CryptoError(.invalidGroupElement, diagnostic: "mapped generator is trivial")
        }
        return try generator.bytes(paddedTo: primeLength)
    }
}
