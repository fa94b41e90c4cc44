internal import COpenSSL

/// Arithmetic modulo a prime on BIGNUMs, for the few places ICAO needs field operations beyond
/// point arithmetic (PACE Integrated Mapping's point encoding and DH mapping).
///
/// Each operation allocates its result; operands are kept alive for the C call by
/// `withExtendedLifetime`.
final class FieldArithmetic {
    let modulus: BigNumber
    private let context: BigNumberContext

    init(modulus: BigNumber) throws {
        self.modulus = modulus
        self.context = try BigNumberContext()
    }

    func number(_ bytes: [UInt8]) throws -> BigNumber { try BigNumber(bytes) }

    func number(word: UInt) throws -> BigNumber {
        let value = try BigNumber()
        guard BN_set_word(value.handle, CUnsignedLong(word)) == 1 else { throw OpenSSLError.capture("BN_set_word") }
        return value
    }

    /// a mod p, for any non-negative a.
    func reduce(_ a: BigNumber) throws -> BigNumber {
        try apply("BN_nnmod", a) { r, x in BN_nnmod(r, x, modulus.handle, context.handle) }
    }

    func add(_ a: BigNumber, _ b: BigNumber) throws -> BigNumber {
        try apply("BN_mod_add", a, b) { r, x, y in BN_mod_add(r, x, y, modulus.handle, context.handle) }
    }

    func subtract(_ a: BigNumber, _ b: BigNumber) throws -> BigNumber {
        try apply("BN_mod_sub", a, b) { r, x, y in BN_mod_sub(r, x, y, modulus.handle, context.handle) }
    }

    func multiply(_ a: BigNumber, _ b: BigNumber) throws -> BigNumber {
        try apply("BN_mod_mul", a, b) { r, x, y in BN_mod_mul(r, x, y, modulus.handle, context.handle) }
    }

    func power(_ a: BigNumber, _ e: BigNumber) throws -> BigNumber {
        try apply("BN_mod_exp", a, e) { r, x, y in BN_mod_exp(r, x, y, modulus.handle, context.handle) }
    }

    func negate(_ a: BigNumber) throws -> BigNumber {
        try subtract(try number(word: 0), a)
    }

    /// a⁻¹ mod p; fails for a ≡ 0.
    func inverse(_ a: BigNumber) throws -> BigNumber {
        try apply("BN_mod_inverse", a) { r, x in BN_mod_inverse(r, x, modulus.handle, context.handle) == nil ? 0 : 1 }
    }

    private func apply(_ name: String, _ a: BigNumber, _ body: (OpaquePointer, OpaquePointer) -> Int32) throws -> BigNumber {
        let result = try BigNumber()
        try withExtendedLifetime((a, modulus, context)) {
            guard body(result.handle, a.handle) == 1 else { throw OpenSSLError.capture(name) }
        }
        return result
    }

    private func apply(
        _ name: String, _ a: BigNumber, _ b: BigNumber, _ body: (OpaquePointer, OpaquePointer, OpaquePointer) -> Int32
    ) throws -> BigNumber {
        let result = try BigNumber()
        try withExtendedLifetime((a, b, modulus, context)) {
            guard body(result.handle, a.handle, b.handle) == 1 else { throw OpenSSLError.capture(name) }
        }
        return result
    }
}
