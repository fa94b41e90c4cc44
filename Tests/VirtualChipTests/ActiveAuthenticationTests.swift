import CCCDTestSupport
import ChipProtocol
import Foundation
import ICAOCrypto
import Testing
@testable import VirtualChip

/// INTERNAL AUTHENTICATE signatures, checked with the `openssl` command-line tool against the
/// public key the chip publishes in DG15 — an independent verifier, not this project's code.
@Suite struct ActiveAuthenticationTests {
    static let challenge = hex("0123456789ABCDEF")

    @Test(arguments: [false, true])
    func rsaSignatureRecoversWithTheDG15Key(cloned: Bool) async throws {
        let transport = try Fixtures.chip(options: Fixtures.options { $0.clonedChip = cloned })
        let (publicKey, signature) = try await Self.authenticate(transport, expectedLength: 256)
        #expect(signature.count == 128)
        let valid = try await withTemporaryDirectory { folder in
            try await Self.verifyISO9796(publicKey: publicKey, signature: signature, challenge: Self.challenge, in: folder)
        }
        #expect(valid == !cloned)
    }

    @Test func rsa2048SignatureNeedsAnExtendedResponse() async throws {
        let transport = try Fixtures.chip(aaKeyPEM: Fixtures.rsa2048PEM)
        let (publicKey, signature) = try await Self.authenticate(transport, expectedLength: 65536)
        #expect(signature.count == 256)
        let valid = try await withTemporaryDirectory { folder in
            try await Self.verifyISO9796(publicKey: publicKey, signature: signature, challenge: Self.challenge, in: folder)
        }
        #expect(valid)
    }

    @Test(arguments: [false, true])
    func ecdsaSignatureVerifiesWithTheDG15Key(cloned: Bool) async throws {
        let transport = try Fixtures.chip(aaKeyPEM: Fixtures.p256PEM, options: Fixtures.options { $0.clonedChip = cloned })
        let (publicKey, signature) = try await Self.authenticate(transport, expectedLength: 256)
        #expect(signature.count == 64)
        let valid = try await withTemporaryDirectory { folder in
            try await Self.verifyECDSA(publicKey: publicKey, signature: signature, challenge: Self.challenge, in: folder)
        }
        #expect(valid == !cloned)
        // DG14 names the hash the verifier must use: ecdsa-plain-SHA256.
        let dg14 = try #require(transport.chip.files.genuineDataGroups[14])
        #expect(dg14.hexString.contains("0A04007F00070101040103"))
    }

    @Test func noAAKeyMeansNoInstruction() async throws {
        let transport = try Fixtures.chip(aaKeyPEM: nil)
        var channel = try await Access.pace(transport)
        let answer = try await channel.send(CommandAPDU(ins: 0x88, p1: 0, p2: 0, data: Self.challenge, expectedLength: 256))
        #expect(answer.status == .instructionNotSupported)
        #expect(transport.chip.files.genuineDataGroups[15] == nil)
    }

    /// PACE, read DG15, INTERNAL AUTHENTICATE: (SubjectPublicKeyInfo DER, signature).
    static func authenticate(_ transport: InProcessTransport, expectedLength: Int) async throws -> ([UInt8], [UInt8]) {
        var channel = try await Access.pace(transport)
        let dg15 = try await channel.readFile(0x010F)
        let publicKey = try TLV(decoding: dg15, expectedTag: 0x6F).value
        let answer = try await channel.send(CommandAPDU(ins: 0x88, p1: 0, p2: 0, data: challenge, expectedLength: expectedLength))
        #expect(answer.status == .success)
        return (publicKey, answer.data)
    }

    /// `openssl pkeyutl -verifyrecover` with no padding, then the ISO/IEC 9796-2 scheme 1 checks:
    /// header 6A, trailer BC, and SHA-1(M1 ‖ challenge) (hashed by `openssl dgst`) inside.
    static func verifyISO9796(publicKey: [UInt8], signature: [UInt8], challenge: [UInt8], in folder: URL) async throws -> Bool {
        let keyFile = folder.appendingPathComponent("aa.der"), signatureFile = folder.appendingPathComponent("aa.sig")
        try Data(publicKey).write(to: keyFile)
        try Data(signature).write(to: signatureFile)
        let recovered = try await openssl(["pkeyutl", "-verifyrecover", "-pubin", "-keyform", "DER", "-inkey", keyFile.path,
                                           "-pkeyopt", "rsa_padding_mode:none", "-in", signatureFile.path])
        guard recovered.status == 0 else { return false }
        let message = [UInt8](recovered.stdout)
        guard message.count == signature.count, message.first == 0x6A, message.last == 0xBC else { return false }
        let recoverable = Array(message[1..<(message.count - 21)])
        let messageFile = folder.appendingPathComponent("m.bin")
        try Data(recoverable + challenge).write(to: messageFile)
        let digest = try await openssl(["dgst", "-sha1", "-binary", messageFile.path])
        return [UInt8](digest.stdout) == Array(message[(message.count - 21)..<(message.count - 1)])
    }

    /// Re-encodes r‖s as a DER ECDSA-Sig-Value and lets `openssl pkeyutl -verify` check it over
    /// the SHA-256 digest `openssl dgst` computes.
    static func verifyECDSA(publicKey: [UInt8], signature: [UInt8], challenge: [UInt8], in folder: URL) async throws -> Bool {
        func integer(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
            var value = Array(bytes.drop { $0 == 0 })
            if value.first.map({ $0 & 0x80 != 0 }) ?? true { value.insert(0, at: 0) }
            return TLV(tag: 0x02, value: value).encoded
        }
        let half = signature.count / 2
        let der = TLV(tag: 0x30, value: integer(signature[..<half]) + integer(signature[half...])).encoded
        let keyFile = folder.appendingPathComponent("aa.der"), signatureFile = folder.appendingPathComponent("aa.sig")
        let challengeFile = folder.appendingPathComponent("challenge.bin"), digestFile = folder.appendingPathComponent("digest.bin")
        try Data(publicKey).write(to: keyFile)
        try Data(der).write(to: signatureFile)
        try Data(challenge).write(to: challengeFile)
        let digest = try await openssl(["dgst", "-sha256", "-binary", "-out", digestFile.path, challengeFile.path])
        #expect(digest.status == 0)
        let verified = try await openssl(["pkeyutl", "-verify", "-pubin", "-keyform", "DER", "-inkey", keyFile.path,
                                          "-in", digestFile.path, "-sigfile", signatureFile.path])
        return verified.status == 0
    }

    static func openssl(_ arguments: [String]) async throws -> ProcessOutcome {
        let executable = try #require(which("openssl"), "the openssl command-line tool (Debian package openssl) is needed")
        return try await runProcess(executable, arguments)
    }
}
