import CCCDTestSupport
import CardVerification
import Foundation
import ICAOCrypto
import LDS
import Testing

/// Every signature algorithm the spec lists, each with a chain made by the `openssl` tool and
/// an SOD signed by `openssl cms`: valid when the CSCA is trusted, validUnchained when not.
@Suite(.enabled(if: OpenSSLCommandLine.isAvailable, "needs the openssl command-line tool"))
struct PassiveAuthenticationAlgorithmTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let key: TestKeyAlgorithm
        let scheme: TestSignatureScheme
        let hash: HashAlgorithm
        var byKeyIdentifier = false
        var testDescription: String { "\(key) \(scheme) \(hash.rawValue)\(byKeyIdentifier ? " signer by key identifier" : "")" }
    }

    static let cases: [Case] = [
        Case(key: .ec("brainpoolP256r1"), scheme: .keyDefault, hash: .sha256),
        Case(key: .ec("brainpoolP256r1", explicitParameters: true), scheme: .keyDefault, hash: .sha256),
        Case(key: .ec("brainpoolP384r1", explicitParameters: true), scheme: .keyDefault, hash: .sha384),
        Case(key: .ec("brainpoolP512r1"), scheme: .keyDefault, hash: .sha512),
        Case(key: .ec("prime256v1"), scheme: .keyDefault, hash: .sha256),
        Case(key: .ec("prime256v1"), scheme: .keyDefault, hash: .sha1),
        Case(key: .ec("secp384r1"), scheme: .keyDefault, hash: .sha384),
        Case(key: .ec("secp521r1"), scheme: .keyDefault, hash: .sha224),
        Case(key: .rsa(bits: 2048), scheme: .keyDefault, hash: .sha256),
        Case(key: .rsa(bits: 3072), scheme: .keyDefault, hash: .sha256, byKeyIdentifier: true),
        Case(key: .ec("brainpoolP256r1", explicitParameters: true), scheme: .keyDefault, hash: .sha256, byKeyIdentifier: true),
        Case(key: .rsa(bits: 2048), scheme: .rsaPSS(saltLength: 20), hash: .sha256),
        Case(key: .rsa(bits: 2048), scheme: .rsaPSS(saltLength: 32), hash: .sha512),
        Case(key: .rsa(bits: 2048), scheme: .rsaPSS(saltLength: 64), hash: .sha512),
        Case(key: .rsa(bits: 2048), scheme: .rsaPSS(saltLength: 0), hash: .sha256),
    ]

    @Test(arguments: cases)
    func chainedAndUnchained(_ testCase: Case) async throws {
        try await withTemporaryDirectory { directory in
            let chain = try await TestChain.make(testCase.key, in: directory)
            let lds = try await SignedLDS.make(signer: chain.signer, hash: testCase.hash, scheme: testCase.scheme,
                                          byKeyIdentifier: testCase.byKeyIdentifier, in: directory)

            let trusted = verify(lds, trust: try chain.trust())
            #expect(trusted.outcome == .valid, "\(trusted.checks)")
            #expect(trusted.checks.allSatisfy { $0.status == .passed || $0.name == VerificationCheck.Name.signerRevocation })
            #expect(trusted.verifiedDataGroups == [.dg1, .dg2, .dg13])
            #expect(trusted.trustAnchor?.subject == "CN=Test CSCA, O=Test Issuing Authority, C=VN")
            #expect(trusted.hashAlgorithm == testCase.hash.rawValue)
            #expect(trusted.signingTimeSource == .signedAttribute)

            let unchained = verify(lds, trust: try TrustSnapshot.empty())
            #expect(unchained.outcome == .validUnchained)
            #expect(unchained.status(VerificationCheck.Name.sodSignature) == .passed)
            #expect(unchained.status(VerificationCheck.Name.signerChain) == .failed)
            #expect(unchained.trustAnchor == nil)

            let sod = try #require(try lds.files.sod())
            if case .subjectKeyIdentifier = sod.signerInfo?.signerIdentifier { #expect(testCase.byKeyIdentifier) } else { #expect(!testCase.byKeyIdentifier) }
            let key = try #require(trusted.documentSigner?.publicKey)
            switch testCase.key {
            case .ec(let curve, let explicit):
                #expect(key.algorithm == "EC")
                #expect(key.curve == curve)
                #expect(key.explicitParameters == explicit)
            case .rsa(let bits):
                #expect(key.algorithm == "RSA" && key.bits == bits)
            }
            // The producer really signed with PSS and the salt asked for (read back by openssl).
            if case .rsaPSS(let salt) = testCase.scheme {
                #expect(sod.signerInfo?.signatureAlgorithm.algorithm == [1, 2, 840, 113_549, 1, 1, 10])
                let cms = directory.appendingPathComponent("pss.der")
                try Data(sod.contentInfo).write(to: cms)
                let printed = try await OpenSSLCommandLine.run(["cms", "-cmsout", "-print", "-inform", "DER", "-in", cms.path],
                                                               in: directory).stdoutText
                // RSASSA-PSS-params: saltLength is `[2] INTEGER DEFAULT 20`, so DER leaves 20 out.
                let lines = printed.split(separator: "\n")
                let saltLength = lines.firstIndex { $0.contains("cont [ 2 ]") }
                    .flatMap { lines[$0 + 1].split(separator: ":").last }.flatMap { Int($0, radix: 16) } ?? 20
                #expect(saltLength == salt)
            }
        }
    }
}
