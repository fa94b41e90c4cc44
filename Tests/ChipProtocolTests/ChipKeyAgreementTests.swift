import ChipProtocol
import ICAOCrypto
import Testing

/// Chip Authentication's key agreement with keys made by `openssl` — EC with explicit domain
/// parameters (as DG14s carry them) and X9.42 DH on an RFC 5114 group — checked by computing the
/// chip's side with ICAOCrypto from the private key `openssl` wrote.
@Suite(.enabled(if: OpenSSLTool.isAvailable, "SKIPPED: the openssl command-line tool is not installed"))
struct ChipKeyAgreementTests {
    static let crypto = OpenSSLCrypto()

    /// The private value inside a PKCS#8 PrivateKeyInfo: `30 { 02 version, 30 alg, 04 { key } }`,
    /// where the key is an ECPrivateKey `30 { 02 1, 04 d, … }` or a DH `02 x`.
    static func privateValue(pkcs8: [UInt8]) throws -> [UInt8] {
        let fields = try TLV(decoding: pkcs8, expectedTag: 0x30).children()
        let inner = try fields.required(tag: 0x04).value
        let key = try TLV.decode(inner).object
        if key.tag == 0x02 { return Array(key.value.drop { $0 == 0 }) }
        return try key.children().required(tag: 0x04).value
    }

    @Test func ecdhWithAnExplicitParameterBrainpoolKey() throws {
        let tool = try OpenSSLTool()
        defer { tool.cleanUp() }
        let spki = try tool.generateKey(named: "ca.pem", [
            "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:brainpoolP256r1", "-pkeyopt", "ec_param_enc:explicit",
        ])
        let chipPrivate = try Self.privateValue(pkcs8: try tool.run(["pkcs8", "-topk8", "-nocrypt", "-in", "ca.pem", "-outform", "DER"]))
        let key = try Self.crypto.publicKey(subjectPublicKeyInfo: spki)
        #expect(key.algorithm == .ellipticCurve && key.bits == 256)
        let agreement = try key.ephemeralKeyAgreement()
        let curve = try Self.crypto.ellipticCurve(.brainpoolP256r1)
        #expect(try curve.sharedSecret(privateKey: chipPrivate, peer: try curve.decodePoint(agreement.publicKey)) == agreement.sharedSecret)
        #expect(try key.ephemeralKeyAgreement().publicKey != agreement.publicKey)
    }

    @Test func diffieHellmanOnRFC5114GroupPadsTheSecret() throws {
        let tool = try OpenSSLTool()
        defer { tool.cleanUp() }
        let spki = try tool.generateKey(named: "dh.pem", ["-algorithm", "DHX", "-pkeyopt", "dh_rfc5114:3"])
        let chipPrivate = try Self.privateValue(pkcs8: try tool.run(["pkcs8", "-topk8", "-nocrypt", "-in", "dh.pem", "-outform", "DER"]))
        let key = try Self.crypto.publicKey(subjectPublicKeyInfo: spki)
        #expect(key.algorithm == .diffieHellman)
        let agreement = try key.ephemeralKeyAgreement()
        #expect(agreement.publicKey.count == 256 && agreement.sharedSecret.count == 256)
        let group = try Self.crypto.modularGroup(.rfc5114_2048_256)
        #expect(try group.sharedSecret(privateKey: chipPrivate, peer: agreement.publicKey) == agreement.sharedSecret)
    }

    @Test func rsaKeysDoNotAgreeKeysAndECKeysDoNotRecoverMessages() throws {
        let tool = try OpenSSLTool()
        defer { tool.cleanUp() }
        let rsa = try Self.crypto.publicKey(subjectPublicKeyInfo: try tool.generateKey(named: "rsa.pem", ["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024"]))
        #expect(throws: CryptoError.self) { try rsa.ephemeralKeyAgreement() }
        #expect(throws: CryptoError.self) { try rsa.rsaPublicOperation([UInt8](repeating: 0xFF, count: 128)) }
        let ec = try Self.crypto.publicKey(subjectPublicKeyInfo: try tool.generateKey(named: "ec.pem", ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"]))
        #expect(throws: CryptoError.self) { try ec.rsaPublicOperation([UInt8](repeating: 1, count: 32)) }
    }
}
