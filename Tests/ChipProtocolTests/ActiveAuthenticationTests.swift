import ChipProtocol
import ICAOCrypto
import Testing

/// Active Authentication signatures made by the `openssl` tool (an independent signer) and
/// verified by the reader: RSA ISO/IEC 9796-2 scheme 1 from a hand-built representative, and
/// ECDSA (named and explicit brainpool parameters) converted from DER to the chip's plain r ‖ s.
@Suite(.enabled(if: OpenSSLTool.isAvailable, "SKIPPED: the openssl command-line tool is not installed"))
struct ActiveAuthenticationTests {
    static let crypto = OpenSSLCrypto()
    static let challenge = hex("0102030405060708")

    /// 6A ‖ M1 ‖ H(M1 ‖ challenge) ‖ trailer, filling the modulus exactly.
    static func representative(modulusBytes: Int, hash: HashAlgorithm, trailer: [UInt8], challenge: [UInt8]) throws -> [UInt8] {
        let m1 = (0..<(modulusBytes - 1 - hash.digestLength - trailer.count)).map { UInt8(truncatingIfNeeded: $0 &* 13 &+ 5) }
        return [0x6A] + m1 + (try crypto.hash(hash, m1 + challenge)) + trailer
    }

    @Test(arguments: [(HashAlgorithm.sha1, hex("BC")), (.sha256, hex("34CC")), (.sha1, hex("33CC"))])
    func rsaISO9796Scheme1Verifies(hash: HashAlgorithm, trailer: [UInt8]) throws {
        let tool = try OpenSSLTool()
        defer { tool.cleanUp() }
        let spki = try tool.generateKey(named: "aa.pem", ["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024"])
        let key = try Self.crypto.publicKey(subjectPublicKeyInfo: spki)
        #expect(key.algorithm == .rsa && key.bits == 1024)
        let signature = try tool.rsaRawSign(key: "aa.pem", representative: try Self.representative(modulusBytes: 128, hash: hash, trailer: trailer, challenge: Self.challenge))

        let outcome = ActiveAuthentication.verify(signature: signature, challenge: Self.challenge, publicKey: key, crypto: Self.crypto)
        #expect(outcome.status == .signatureValid)
        #expect(outcome.signatureScheme == "RSA ISO/IEC 9796-2 scheme 1, \(hash.rawValue)")
        #expect(!outcome.isProven(dg15BoundByPassiveAuthentication: false))
        #expect(outcome.isProven(dg15BoundByPassiveAuthentication: true))

        let otherChallenge = ActiveAuthentication.verify(signature: signature, challenge: hex("0102030405060709"), publicKey: key, crypto: Self.crypto)
        #expect(otherChallenge.status == .signatureInvalid)
        var tampered = signature
        tampered[40] ^= 0x01
        #expect(ActiveAuthentication.verify(signature: tampered, challenge: Self.challenge, publicKey: key, crypto: Self.crypto).status == .signatureInvalid)
        #expect(ActiveAuthentication.verify(signature: Array(signature.dropLast()), challenge: Self.challenge, publicKey: key, crypto: Self.crypto).status == .signatureInvalid)
    }

    @Test func rsaSignatureSentAsNMinusSVerifies() throws {
        let tool = try OpenSSLTool()
        defer { tool.cleanUp() }
        let spki = try tool.generateKey(named: "aa.pem", ["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024"])
        let key = try Self.crypto.publicKey(subjectPublicKeyInfo: spki)
        let signature = try tool.rsaRawSign(key: "aa.pem", representative: try Self.representative(modulusBytes: 128, hash: .sha1, trailer: hex("BC"), challenge: Self.challenge))
        // 9796-2 signers may send n − s; raised to e (odd) it gives n − J, whose last nibble is not C.
        let bitString = try TLV(decoding: spki, expectedTag: 0x30).children().required(tag: 0x03).value
        let modulus = try TLV(decoding: Array(bitString.dropFirst()), expectedTag: 0x30).children().required(tag: 0x02).value
        let complement = BigEndian.subtract(Array(modulus.drop { $0 == 0 }), signature)
        let outcome = ActiveAuthentication.verify(signature: complement, challenge: Self.challenge, publicKey: key, crypto: Self.crypto)
        #expect(outcome.status == .signatureValid)
    }

    @Test func wrongKeyRejectsAValidSignature() throws {
        let tool = try OpenSSLTool()
        defer { tool.cleanUp() }
        _ = try tool.generateKey(named: "aa.pem", ["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024"])
        let other = try tool.generateKey(named: "other.pem", ["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024"])
        let signature = try tool.rsaRawSign(key: "aa.pem", representative: try Self.representative(modulusBytes: 128, hash: .sha1, trailer: hex("BC"), challenge: Self.challenge))
        let outcome = ActiveAuthentication.verify(
            signature: signature, challenge: Self.challenge, publicKey: try Self.crypto.publicKey(subjectPublicKeyInfo: other), crypto: Self.crypto
        )
        #expect(outcome.status == .signatureInvalid)
    }

    @Test(arguments: [("brainpoolP256r1", "named_curve", "sha256", HashAlgorithm?.none),
                      ("brainpoolP256r1", "explicit", "sha256", HashAlgorithm?.some(.sha256)),
                      ("prime256v1", "named_curve", "sha1", HashAlgorithm?.some(.sha1)),
                      ("brainpoolP384r1", "explicit", "sha384", HashAlgorithm?.none)])
    func ecdsaPlainSignatureVerifies(curve: String, encoding: String, digest: String, declared: HashAlgorithm?) throws {
        let tool = try OpenSSLTool()
        defer { tool.cleanUp() }
        let spki = try tool.generateKey(named: "aa.pem", [
            "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:\(curve)", "-pkeyopt", "ec_param_enc:\(encoding)",
        ])
        let key = try Self.crypto.publicKey(subjectPublicKeyInfo: spki)
        #expect(key.algorithm == .ellipticCurve)
        let plain = try ECDSAPlain.fromDER(try tool.ecdsaSign(key: "aa.pem", digest: digest, message: Self.challenge), orderLength: (key.bits + 7) / 8)

        let outcome = ActiveAuthentication.verify(signature: plain, challenge: Self.challenge, publicKey: key, ecdsaHash: declared, crypto: Self.crypto)
        #expect(outcome.status == .signatureValid)
        #expect(outcome.signatureScheme == "ECDSA, \(digest.uppercased())")

        var wrong = plain
        wrong[wrong.count - 1] ^= 0x01
        #expect(ActiveAuthentication.verify(signature: wrong, challenge: Self.challenge, publicKey: key, crypto: Self.crypto).status == .signatureInvalid)
        #expect(ActiveAuthentication.verify(signature: plain, challenge: hex("0000000000000000"), publicKey: key, crypto: Self.crypto).status == .signatureInvalid)
        #expect(ActiveAuthentication.verify(signature: Array(plain.dropFirst()), challenge: Self.challenge, publicKey: key, crypto: Self.crypto).status == .signatureInvalid)
    }

    @Test func malformedKeysAreUnsupportedNotCrashes() {
        #expect(throws: CryptoError.self) { try Self.crypto.publicKey(subjectPublicKeyInfo: hex("3003020100")) }
        #expect(throws: CryptoError.self) { try Self.crypto.publicKey(subjectPublicKeyInfo: []) }
    }
}

/// DER ECDSA-Sig-Value → plain r ‖ s, as a chip would send the signature `openssl` made.
enum ECDSAPlain {
    static func fromDER(_ der: [UInt8], orderLength: Int) throws -> [UInt8] {
        let integers = try TLV(decoding: der, expectedTag: 0x30).children()
        return try integers.map { integer in
            let magnitude = Array(integer.value.drop { $0 == 0 })
            guard magnitude.count <= orderLength else { throw ChipSideFailure() }
            return [UInt8](repeating: 0, count: orderLength - magnitude.count) + magnitude
        }.flatMap { $0 }
    }
}

/// a − b for big-endian magnitudes of the same length with a ≥ b (test arithmetic only).
enum BigEndian {
    static func subtract(_ a: [UInt8], _ b: [UInt8]) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: a.count)
        var borrow = 0
        for index in stride(from: a.count - 1, through: 0, by: -1) {
            var difference = Int(a[index]) - Int(b[index]) - borrow
            borrow = difference < 0 ? 1 : 0
            if difference < 0 { difference += 256 }
            result[index] = UInt8(difference)
        }
        return result
    }
}
