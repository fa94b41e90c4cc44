public import ICAOCrypto

/// Verifies a chip's Active Authentication signature over our challenge with DG15's key, with
/// no I/O, so it can be tested against signatures made by an independent signer.
public enum ActiveAuthentication {
    /// Parses DG15 (`6F { SubjectPublicKeyInfo }`) into its SubjectPublicKeyInfo DER.
    public static func subjectPublicKeyInfo(dg15 file: [UInt8]) throws -> [UInt8] {
        do {
            return try TLV(decoding: file, expectedTag: 0x6F).value
        } catch {
            throw ChipReadError(.malformedResponse, diagnostic: "DG15: \(error)")
        }
    }

    /// RSA: ISO/IEC 9796-2 scheme 1. ECDSA: the plain r ‖ s signature of H(challenge) with
    /// `ecdsaHash` (DG14's ActiveAuthenticationInfo); without it [?] the hash matching the key
    /// size is tried first, then the other SHA-2 hashes and SHA-1 — which one a chip uses is not
    /// documented for CCCDs, and a valid signature under any of them is equally unforgeable.
    public static func verify(
        signature: [UInt8], challenge: [UInt8], publicKey: any ChipPublicKey, ecdsaHash: HashAlgorithm? = nil,
        crypto: any ICAOCryptography & PublicKeyCryptography
    ) -> ActiveAuthenticationOutcome {
        do {
            switch publicKey.algorithm {
            case .rsa:
                let recovered = try publicKey.rsaPublicOperation(signature)
                do {
                    let hash = try ISO9796SignatureScheme1.verify(
                        representative: recovered.representative, complement: recovered.complement, challenge: challenge, crypto: crypto
                    )
                    return ActiveAuthenticationOutcome(status: .signatureValid, signatureScheme: "RSA ISO/IEC 9796-2 scheme 1, \(hash.rawValue)")
                } catch let failure as ISO9796SignatureScheme1.Failure {
                    return ActiveAuthenticationOutcome(status: .signatureInvalid, detail: failure.reason)
                }
            case .ellipticCurve:
                let orderLength = (publicKey.bits + 7) / 8
                guard signature.count == 2 * orderLength else {
                    return ActiveAuthenticationOutcome(status: .signatureInvalid, detail: "plain signature of \(signature.count) bytes for a \(publicKey.bits)-bit order")
                }
                let der = try crypto.derECDSASignature(plain: signature)
                for hash in ecdsaHash.map({ [$0] }) ?? candidateHashes(orderBits: publicKey.bits)
                where try publicKey.verifyECDSA(derSignature: der, message: challenge, hash: hash) {
                    return ActiveAuthenticationOutcome(status: .signatureValid, signatureScheme: "ECDSA, \(hash.rawValue)")
                }
                return ActiveAuthenticationOutcome(status: .signatureInvalid, detail: "ECDSA signature does not verify")
            case .diffieHellman:
                return ActiveAuthenticationOutcome(status: .unsupported, detail: "DG15 holds a Diffie-Hellman key")
            }
        } catch let error as CryptoError {
            // An RSA "signature" not below the modulus, and the like: the chip's answer is invalid.
            return ActiveAuthenticationOutcome(status: .signatureInvalid, detail: error.diagnostic ?? error.code)
        } catch {
            return ActiveAuthenticationOutcome(status: .signatureInvalid, detail: "\(error)")
        }
    }

    /// The hash matching the order size first (BSI TR-03111 pairs them), then the rest.
    static func candidateHashes(orderBits: Int) -> [HashAlgorithm] {
        let preferred: HashAlgorithm = switch orderBits {
        case ...160: .sha1
        case ...224: .sha224
        case ...256: .sha256
        case ...384: .sha384
        default: .sha512
        }
        return [preferred] + [.sha256, .sha384, .sha512, .sha224, .sha1].filter { $0 != preferred }
    }
}
