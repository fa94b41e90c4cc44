internal import COpenSSL

/// ``ModularGroup`` on OpenSSL BIGNUMs, with p, g and q taken from OpenSSL's built-in RFC 5114
/// groups rather than transcribed by hand.
///
/// Every C call runs inside `withExtendedLifetime` of the BIGNUM owners it uses: Swift may
/// release an object right after its last use (reading `.handle`), before the C call runs.
struct OpenSSLModularGroup: ModularGroup {
    let group: StandardModularGroup
    let primeLength: Int
    let generator: [UInt8]
    let primeBitLength: Int
    let prime: [UInt8]
    let order: [UInt8]
    private let orderBits: Int

    init(_ group: StandardModularGroup) throws {
        self.group = group
        guard let parameters = cccd_ffc_named_group(group.rawValue) else {
            throw OpenSSLError.capture("named FFC group \(group.rawValue)", reason: .unsupportedAlgorithm)
        }
        let key = PKeyHandle(owning: parameters)
        let p = try key.bigNumberParameter(OSSL_PKEY_PARAM_FFC_P)
        let q = try key.bigNumberParameter(OSSL_PKEY_PARAM_FFC_Q)
        let g = try key.bigNumberParameter(OSSL_PKEY_PARAM_FFC_G)
        primeBitLength = p.bitCount
        primeLength = p.byteCount
        prime = try p.bytes(paddedTo: primeLength)
        generator = try g.bytes(paddedTo: primeLength)
        order = try q.bytes(paddedTo: q.byteCount)
        orderBits = q.bitCount
    }

    func validateElement(_ element: [UInt8]) throws -> [UInt8] {
        let value = try BigNumber(element)
        let pMinusOne = try BigNumber(prime)
        try withExtendedLifetime((value, pMinusOne)) {
            guard BN_sub_word(pMinusOne.handle, 1) == 1 else { throw OpenSSLError.capture("BN_sub_word") }
            guard !value.isZero, !value.isOne, value.compare(pMinusOne) < 0 else {
                throw CryptoError(.invalidGroupElement, diagnostic: "not in 1 < y < p−1")
            }
        }
        guard try modularExponentiation(element, order, constantTime: false).isOne else {
            throw CryptoError(.invalidGroupElement, diagnostic: "not in the prime-order subgroup")
        }
        return try value.bytes(paddedTo: primeLength)
    }

    func power(_ base: [UInt8], _ exponent: [UInt8]) throws -> [UInt8] {
        try nonTrivial(try modularExponentiation(base, exponent, constantTime: true))
    }

    func multiply(_ a: [UInt8], _ b: [UInt8]) throws -> [UInt8] {
        let context = try BigNumberContext()
        let (result, x, y, p) = (try BigNumber(), try BigNumber(a), try BigNumber(b), try BigNumber(prime))
        try withExtendedLifetime((context, x, y, p)) {
            guard BN_mod_mul(result.handle, x.handle, y.handle, p.handle, context.handle) == 1 else {
                throw OpenSSLError.capture("BN_mod_mul")
            }
        }
        return try nonTrivial(result)
    }

    func generatePrivateKey(using random: any RandomSource) throws -> [UInt8] {
        try RejectionSampling.scalar(below: order, bits: orderBits, using: random)
    }

    /// base^exponent mod p; secret exponents take OpenSSL's constant-time path.
    private func modularExponentiation(_ base: [UInt8], _ exponent: [UInt8], constantTime: Bool) throws -> BigNumber {
        let context = try BigNumberContext()
        let (result, b, e, p) = (try BigNumber(), try BigNumber(base), try BigNumber(exponent), try BigNumber(prime))
        try withExtendedLifetime((context, b, e, p)) {
            if constantTime { BN_set_flags(e.handle, BN_FLG_CONSTTIME) }
            guard BN_mod_exp(result.handle, b.handle, e.handle, p.handle, context.handle) == 1 else {
                throw OpenSSLError.capture("BN_mod_exp")
            }
        }
        return result
    }

    /// Results 0 and 1 mean an input outside the group; treat them like the point at infinity.
    private func nonTrivial(_ value: BigNumber) throws -> [UInt8] {
        guard !value.isZero, !value.isOne else {
            throw CryptoError(.invalidGroupElement, diagnostic: "trivial result")
        }
        return try value.bytes(paddedTo: primeLength)
    }
}
