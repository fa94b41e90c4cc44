internal import COpenSSL

// Owners of OpenSSL objects: each class frees its handle in deinit, so no error path leaks.
//
// Swift may release an object right after its last use, which for these owners is reading
// `.handle` — before the C call that receives it. So every C call that takes handles of owners
// created in the same scope runs inside `withExtendedLifetime` of those owners, and methods on
// an owner reach its handle through `self`, which keeps it alive for the call.

/// An arbitrary-precision integer (BIGNUM), cleared on free because it may hold a private key.
final class BigNumber {
    let handle: OpaquePointer

    init() throws {
        guard let handle = BN_new() else { throw OpenSSLError.capture("BN_new") }
        self.handle = handle
    }

    /// Takes ownership of a BIGNUM OpenSSL allocated for the caller.
    init(owning handle: OpaquePointer) {
        self.handle = handle
    }

    /// The unsigned big-endian integer `bytes`.
    convenience init(_ bytes: [UInt8]) throws {
        guard let handle = BN_bin2bn(bytes, Int32(bytes.count), nil) else {
            throw OpenSSLError.capture("BN_bin2bn")
        }
        self.init(owning: handle)
    }

    deinit { BN_clear_free(handle) }

    var bitCount: Int { Int(BN_num_bits(handle)) }
    var byteCount: Int { (bitCount + 7) / 8 }
    var isZero: Bool { BN_is_zero(handle) == 1 }
    var isOne: Bool { BN_is_one(handle) == 1 }

    /// Big-endian bytes left-padded with zeros to `length`.
    func bytes(paddedTo length: Int) throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: length)
        guard BN_bn2binpad(handle, &out, Int32(length)) == Int32(length) else {
            throw OpenSSLError.capture("BN_bn2binpad")
        }
        return out
    }

    /// -1, 0 or 1 like `BN_cmp`.
    func compare(_ other: BigNumber) -> Int32 {
        withExtendedLifetime(other) { BN_cmp(handle, other.handle) }
    }
}

/// Scratch space for BIGNUM and EC arithmetic.
final class BigNumberContext {
    let handle: OpaquePointer

    init() throws {
        guard let handle = BN_CTX_new() else { throw OpenSSLError.capture("BN_CTX_new") }
        self.handle = handle
    }

    deinit { BN_CTX_free(handle) }
}

/// An elliptic-curve group built from a curve name.
///
/// `@unchecked Sendable`: the group is fully built in init and never mutated afterwards; OpenSSL's
/// EC functions take `const EC_GROUP *`, and read-only sharing between threads is supported.
final class ECGroupHandle: @unchecked Sendable {
    let handle: OpaquePointer

    init(curveName: String) throws {
        let nid = OBJ_sn2nid(curveName)
        guard nid != NID_undef, let handle = EC_GROUP_new_by_curve_name(nid) else {
            throw CryptoError(.unsupportedAlgorithm, diagnostic: curveName)
        }
        self.handle = handle
    }

    deinit { EC_GROUP_free(handle) }
}

/// A point on an ``ECGroupHandle``'s curve.
final class ECPointHandle {
    let handle: OpaquePointer

    init(group: ECGroupHandle) throws {
        guard let handle = EC_POINT_new(group.handle) else { throw OpenSSLError.capture("EC_POINT_new") }
        self.handle = handle
    }

    deinit { EC_POINT_clear_free(handle) }
}

/// A key or a set of domain parameters (EVP_PKEY).
final class PKeyHandle {
    let handle: OpaquePointer

    init(owning handle: OpaquePointer) {
        self.handle = handle
    }

    deinit { EVP_PKEY_free(handle) }

    /// A BIGNUM parameter such as `OSSL_PKEY_PARAM_FFC_P`.
    func bigNumberParameter(_ name: String) throws -> BigNumber {
        var value: OpaquePointer?
        guard EVP_PKEY_get_bn_param(handle, name, &value) == 1, let value else {
            throw OpenSSLError.capture("EVP_PKEY_get_bn_param")
        }
        return BigNumber(owning: value)
    }
}

/// A fetched cipher implementation (EVP_CIPHER) from the default provider.
final class CipherImplementation {
    let handle: OpaquePointer

    init(name: String) throws {
        guard let handle = EVP_CIPHER_fetch(nil, name, nil) else {
            throw OpenSSLError.capture("EVP_CIPHER_fetch", reason: .unsupportedAlgorithm)
        }
        self.handle = handle
    }

    deinit { EVP_CIPHER_free(handle) }
}

/// A cipher operation in progress (EVP_CIPHER_CTX); freeing it also cleanses the key schedule.
final class CipherContext {
    let handle: OpaquePointer

    init() throws {
        guard let handle = EVP_CIPHER_CTX_new() else { throw OpenSSLError.capture("EVP_CIPHER_CTX_new") }
        self.handle = handle
    }

    deinit { EVP_CIPHER_CTX_free(handle) }
}

/// A fetched MAC implementation (EVP_MAC).
final class MACImplementation {
    let handle: OpaquePointer

    init(name: String) throws {
        guard let handle = EVP_MAC_fetch(nil, name, nil) else {
            throw OpenSSLError.capture("EVP_MAC_fetch", reason: .unsupportedAlgorithm)
        }
        self.handle = handle
    }

    deinit { EVP_MAC_free(handle) }
}

/// A MAC computation in progress (EVP_MAC_CTX).
final class MACContext {
    let handle: OpaquePointer
    private let implementation: MACImplementation

    init(_ implementation: MACImplementation) throws {
        guard let handle = EVP_MAC_CTX_new(implementation.handle) else {
            throw OpenSSLError.capture("EVP_MAC_CTX_new")
        }
        self.handle = handle
        self.implementation = implementation
    }

    deinit { EVP_MAC_CTX_free(handle) }
}
