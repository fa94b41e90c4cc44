internal import COpenSSL

/// Chips sign with plain ECDSA signatures (r ‖ s, each as long as the group order, BSI TR-03111
/// §5.2.1); OpenSSL verifies DER `ECDSA-Sig-Value`. The conversion goes through OpenSSL's own
/// ECDSA_SIG so no DER is written by hand.
enum ECDSASignatureEncoding {
    static func der(fromPlain plain: [UInt8]) throws -> [UInt8] {
        guard !plain.isEmpty, plain.count % 2 == 0 else {
            throw CryptoError(.invalidDataLength, diagnostic: "plain ECDSA signature of \(plain.count) bytes")
        }
        let half = plain.count / 2
        guard let signature = ECDSA_SIG_new() else { throw OpenSSLError.capture("ECDSA_SIG_new") }
        defer { ECDSA_SIG_free(signature) }
        guard let r = BN_bin2bn(Array(plain.prefix(half)), Int32(half), nil) else { throw OpenSSLError.capture("BN_bin2bn") }
        guard let s = BN_bin2bn(Array(plain.suffix(half)), Int32(half), nil) else {
            BN_free(r)
            throw OpenSSLError.capture("BN_bin2bn")
        }
        guard ECDSA_SIG_set0(signature, r, s) == 1 else {
            BN_free(r)
            BN_free(s)
            throw OpenSSLError.capture("ECDSA_SIG_set0")
        }
        let length = i2d_ECDSA_SIG(signature, nil)
        guard length > 0 else { throw OpenSSLError.capture("i2d_ECDSA_SIG") }
        var der = [UInt8](repeating: 0, count: Int(length))
        let written = der.withUnsafeMutableBufferPointer { buffer -> Int32 in
            var cursor = buffer.baseAddress
            return i2d_ECDSA_SIG(signature, &cursor)
        }
        guard written == length else { throw OpenSSLError.capture("i2d_ECDSA_SIG") }
        return der
    }
}
