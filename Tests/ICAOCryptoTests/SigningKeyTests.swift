import Foundation
import ICAOCrypto
import Testing

/// Private keys in the PEM forms `openssl` writes, and the operations the virtual chip signs with.
@Suite struct SigningKeyTests {
    static func openssl(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "openssl \(arguments.joined(separator: " "))")
        return String(decoding: data, as: UTF8.self)
    }

    @Test func readsPKCS8PKCS1AndSEC1() throws {
        let pkcs8 = try SigningKey(pem: try Self.openssl(["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024"]))
        #expect(pkcs8.algorithm == .rsa(modulusBits: 1024))
        let pkcs1Text = try Self.openssl(["genrsa", "-traditional", "1024"])
        #expect(pkcs1Text.contains("BEGIN RSA PRIVATE KEY"))
        #expect(try SigningKey(pem: pkcs1Text).algorithm == .rsa(modulusBits: 1024))
        let sec1Text = try Self.openssl(["ecparam", "-name", "brainpoolP384r1", "-genkey", "-noout"])
        #expect(sec1Text.contains("BEGIN EC PRIVATE KEY"))
        #expect(try SigningKey(pem: sec1Text).algorithm == .ellipticCurve(.brainpoolP384r1))
        let nist = try SigningKey(pem: try Self.openssl(["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"]))
        #expect(nist.algorithm == .ellipticCurve(.secp256r1))
    }

    @Test func refusesWhatItCannotUse() throws {
        #expect(throws: KeyFileError(.notPEM, diagnostic: "no BEGIN line")) { try SigningKey(pem: "hello") }
        let encrypted = try Self.openssl(["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-aes128", "-pass", "pass:x"])
        #expect { try SigningKey(pem: encrypted) } throws: { ($0 as? KeyFileError)?.reason == .encrypted }
        let garbage = "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"
        #expect { try SigningKey(pem: garbage) } throws: { ($0 as? KeyFileError)?.reason == .unreadable }
        let ed25519 = try Self.openssl(["genpkey", "-algorithm", "ED25519"])
        #expect { try SigningKey(pem: ed25519) } throws: { ($0 as? KeyFileError)?.reason == .unsupportedKeyType }
    }

    @Test func generatedKeysWork() throws {
        let crypto = OpenSSLCrypto()
        let ec = try SigningKey.generate(.ellipticCurve(.secp384r1))
        let (curveName, pair) = try ec.ellipticCurveKeyPair()
        let curve = try crypto.ellipticCurve(curveName)
        #expect(try curve.multiply(curve.generator, by: pair.privateKey) == pair.publicKey)
        #expect(try ec.ecdsaSignature(digest: crypto.hash(.sha384, [1, 2, 3])).count == 96)
        #expect("\(ec)" == "SigningKey(redacted)")

        let rsa = try SigningKey.generate(.rsa(modulusBits: 1024))
        #expect(throws: CryptoError.self) { try rsa.rawRSAPrivateOperation([1, 2, 3]) }
        #expect(try rsa.rawRSAPrivateOperation([0x6A] + [UInt8](repeating: 0x11, count: 126) + [0xBC]).count == 128)
        #expect(throws: CryptoError.self) { try rsa.ecdsaSignature(digest: [0]) }
        #expect(throws: CryptoError.self) { try rsa.ellipticCurveKeyPair() }
    }
}
