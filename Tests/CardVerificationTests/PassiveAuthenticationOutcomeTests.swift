import CCCDTestSupport
import CardVerification
import Foundation
import ICAOCrypto
import LDS
import Testing

/// Each distinct outcome, produced by a real change to real files: a tampered data group, a
/// flipped signature byte, an impostor CSCA, an expired or revoked document signer.
@Suite(.enabled(if: OpenSSLCommandLine.isAvailable, "needs the openssl command-line tool"))
struct PassiveAuthenticationOutcomeTests {
    @Test func tamperedDG13IsAHashMismatch() async throws {
        try await withTemporaryDirectory { directory in
            let chain = try await TestChain.make(.ec("brainpoolP256r1"), in: directory)
            var lds = try await SignedLDS.make(signer: chain.signer, in: directory)
            var dg13 = try #require(lds.files[.dataGroup(.dg13)])
            dg13[dg13.count - 3] ^= 0x01
            lds.files[.dataGroup(.dg13)] = dg13
            let result = verify(lds, trust: try chain.trust())
            #expect(result.outcome == .hashMismatch(.dg13))
            #expect(result.status(VerificationCheck.Name.dataGroupHash("DG13")) == .failed)
            #expect(result.status(VerificationCheck.Name.dataGroupHash("DG1")) == .passed)
            #expect(result.status(VerificationCheck.Name.sodSignature) == .passed)
            #expect(result.verifiedDataGroups == [.dg1, .dg2])
        }
    }

    @Test func dataGroupTheSODDoesNotListIsAHashMismatch() async throws {
        try await withTemporaryDirectory { directory in
            let chain = try await TestChain.make(.ec("prime256v1"), in: directory)
            var lds = try await SignedLDS.make(signer: chain.signer, in: directory)
            lds.files[.dataGroup(.dg15)] = [0x6F, 0x02, 0x30, 0x00]
            let result = verify(lds, trust: try chain.trust())
            #expect(result.outcome == .hashMismatch(.dg15))
            #expect(result.check(VerificationCheck.Name.dataGroupHash("DG15"))?.detail == "the SOD lists no hash for this file")
        }
    }

    @Test func groupListedButNotReadIsNotRunAndStillValid() async throws {
        try await withTemporaryDirectory { directory in
            let chain = try await TestChain.make(.ec("prime256v1"), in: directory)
            var lds = try await SignedLDS.make(signer: chain.signer, in: directory)
            lds.files[.dataGroup(.dg2)] = nil
            let result = verify(lds, trust: try chain.trust())
            #expect(result.outcome == .valid)
            #expect(result.status(VerificationCheck.Name.dataGroupHash("DG2")) == .notRun)
        }
    }

    @Test(arguments: [TestKeyAlgorithm.ec("brainpoolP256r1"), .rsa(bits: 2048)])
    func flippedSignatureByteIsABadSignature(_ key: TestKeyAlgorithm) async throws {
        try await withTemporaryDirectory { directory in
            let chain = try await TestChain.make(key, in: directory)
            var lds = try await SignedLDS.make(signer: chain.signer, in: directory)
            let sodBytes = try #require(lds.files[.sod])
            let signature = try #require(try lds.files.sod()?.signerInfo?.signature)
            let start = try #require(sodBytes.firstRange(of: signature)?.lowerBound)
            var tampered = sodBytes
            tampered[start + signature.count / 2] ^= 0x40
            lds.files[.sod] = tampered
            let result = verify(lds, trust: try chain.trust())
            #expect(result.outcome == .badSignature)
            #expect(result.status(VerificationCheck.Name.sodSignature) == .failed)
            #expect(result.status(VerificationCheck.Name.sodMessageDigest) == .passed)
        }
    }

    /// A hash changed inside the signed LDS security object: the signature over the attributes
    /// still verifies, the messageDigest does not — reported as such, outcome badSignature.
    @Test func alteredSecurityObjectFailsTheMessageDigest() async throws {
        try await withTemporaryDirectory { directory in
            let chain = try await TestChain.make(.ec("secp384r1"), in: directory)
            var lds = try await SignedLDS.make(signer: chain.signer, in: directory)
            let sodBytes = try #require(lds.files[.sod])
            let hash = try #require(lds.securityObject.listedHash(of: .dg1))
            let start = try #require(sodBytes.firstRange(of: hash)?.lowerBound)
            var tampered = sodBytes
            tampered[start] ^= 0x01
            lds.files[.sod] = tampered
            let result = verify(lds, trust: try chain.trust())
            #expect(result.outcome == .badSignature)
            #expect(result.status(VerificationCheck.Name.sodSignature) == .passed)
            #expect(result.status(VerificationCheck.Name.sodMessageDigest) == .failed)
        }
    }

    /// A signer from another CSCA (different name) while only ours is trusted: nobody we trust
    /// claims it, so it is unchained — not accused. Under the strict policy it is untrusted.
    @Test func signerOfAnotherCSCAIsUnchained() async throws {
        try await withTemporaryDirectory { directory in
            let ours = try await TestChain.make(.ec("brainpoolP256r1"), in: directory, name: "ours")
            let theirs = try await TestChain.make(.ec("brainpoolP256r1"), in: directory, name: "theirs",
                                                  subject: "/C=VN/O=Other Authority/CN=Other CSCA")
            let lds = try await SignedLDS.make(signer: theirs.signer, in: directory)
            let result = verify(lds, trust: try ours.trust())
            #expect(result.outcome == .validUnchained)
            #expect(result.check(VerificationCheck.Name.signerChain)?.detail?.contains("no trusted CSCA issued") == true)
            let strict = verify(lds, trust: try ours.trust(), policy: PassiveAuthenticationPolicy(unknownIssuer: .untrusted))
            #expect(strict.outcome == .untrustedSigner)
        }
    }

    /// An impostor CSCA copying the trusted CSCA's name and key identifier: the signer claims a
    /// trusted issuer and the claim fails — untrustedSigner, the forged-card case.
    @Test func signerOfAnImpostorCSCAIsUntrusted() async throws {
        try await withTemporaryDirectory { directory in
            let genuine = try await TestChain.make(.ec("brainpoolP256r1"), in: directory, name: "genuine")
            let impostor = try await TestCSCA.create(in: directory, name: "impostor", subject: genuine.csca.subject,
                                                     key: .ec("brainpoolP256r1"),
                                                     subjectKeyIdentifier: try await genuine.csca.subjectKeyIdentifier())
            let signer = try await impostor.issueDocumentSigner(name: "ds", subject: "/C=VN/CN=Forged Signer", key: .ec("brainpoolP256r1"))
            let lds = try await SignedLDS.make(signer: signer, in: directory)
            let result = verify(lds, trust: try genuine.trust())
            #expect(result.outcome == .untrustedSigner)
            #expect(result.status(VerificationCheck.Name.sodSignature) == .passed)
            #expect(result.status(VerificationCheck.Name.signerChain) == .failed)
            #expect(result.check(VerificationCheck.Name.signerChain)?.detail?.contains("signature failure") == true)
        }
    }

    @Test func signerWithoutDigitalSignatureKeyUsageIsUntrusted() async throws {
        try await withTemporaryDirectory { directory in
            let csca = try await TestCSCA.create(in: directory, name: "csca", subject: "/C=VN/CN=Test CSCA", key: .ec("prime256v1"))
            let signer = try await csca.issueDocumentSigner(name: "ds", subject: "/C=VN/CN=Encryption Only", key: .ec("prime256v1"),
                                                            extensions: "ds_no_signature")
            let lds = try await SignedLDS.make(signer: signer, in: directory)
            let result = verify(lds, trust: try TestChain(csca: csca, signer: signer).trust())
            #expect(result.outcome == .untrustedSigner)
            #expect(result.status(VerificationCheck.Name.signerChain) == .passed)
            #expect(result.status(VerificationCheck.Name.signerKeyUsage) == .failed)
        }
    }

    /// A signer valid 2020-2021 only (issued with `openssl ca -startdate/-enddate`), chained.
    @Test func expiredSignerIsExpired() async throws {
        try await withTemporaryDirectory { directory in
            let csca = try await TestCSCA.create(in: directory, name: "csca", subject: "/C=VN/CN=Test CSCA", key: .ec("brainpoolP256r1"))
            let signer = try await csca.issueDocumentSigner(name: "ds", subject: "/C=VN/CN=Old Signer", key: .ec("brainpoolP256r1"),
                                                            startDate: "200101000000Z", endDate: "210101000000Z")
            let lds = try await SignedLDS.make(signer: signer, in: directory)
            let result = verify(lds, trust: try TestChain(csca: csca, signer: signer).trust())
            #expect(result.outcome == .expired)
            #expect(result.status(VerificationCheck.Name.signerChain) == .passed)
            #expect(result.status(VerificationCheck.Name.signerValidityNow) == .failed)
            // openssl cms wrote signingTime = now, after the signer expired.
            #expect(result.status(VerificationCheck.Name.signerValidityAtSigning) == .failed)
            #expect(result.check(VerificationCheck.Name.signerValidityNow)?.detail?.contains("2020-01-01") == true)
        }
    }

    /// The same genuine chain verified ten years on: the signer is out of date now.
    @Test func validSignerVerifiedAfterItsExpiryIsExpired() async throws {
        try await withTemporaryDirectory { directory in
            let chain = try await TestChain.make(.ec("prime256v1"), in: directory)
            let lds = try await SignedLDS.make(signer: chain.signer, in: directory)
            let later = Date().addingTimeInterval(10 * 366 * 86_400)
            let result = verify(lds, trust: try chain.trust(), now: later)
            #expect(result.outcome == .expired)
            #expect(result.status(VerificationCheck.Name.signerValidityAtSigning) == .passed)
        }
    }

    @Test func revokedSignerFailsItsOwnCheck() async throws {
        try await withTemporaryDirectory { directory in
            let chain = try await TestChain.make(.ec("brainpoolP256r1"), in: directory)
            let good = try await chain.csca.issueDocumentSigner(name: "ds2", subject: "/C=VN/CN=Second Signer", key: .ec("brainpoolP256r1"))
            try await chain.csca.revoke(chain.signer)
            let crl = try await chain.csca.publishCRL()
            let trust = try chain.trust(crls: [crl])
            #expect(trust.revocationLists.first?.revokedCount == 1)
            #expect(trust.revocationLists.first?.issuerTrusted == true)

            let revoked = verify(try await SignedLDS.make(signer: chain.signer, in: directory), trust: trust)
            #expect(revoked.outcome == .untrustedSigner)
            #expect(revoked.status(VerificationCheck.Name.signerRevocation) == .failed)
            #expect(revoked.check(VerificationCheck.Name.signerRevocation)?.detail?.contains("revoked") == true)
            #expect(revoked.status(VerificationCheck.Name.signerChain) == .passed)

            let fine = verify(try await SignedLDS.make(signer: good, in: directory), trust: trust)
            #expect(fine.outcome == .valid)
            #expect(fine.status(VerificationCheck.Name.signerRevocation) == .passed)

            // 30-day CRL: a year on, it is stale and the status unknown.
            let stale = verify(try await SignedLDS.make(signer: good, in: directory), trust: trust,
                               now: Date().addingTimeInterval(200 * 86_400))
            #expect(stale.outcome == .untrustedSigner)
            #expect(stale.check(VerificationCheck.Name.signerRevocation)?.detail?.contains("nextUpdate") == true)
        }
    }

    @Test func wrongContentTypeIsMalformed() async throws {
        try await withTemporaryDirectory { directory in
            let chain = try await TestChain.make(.ec("prime256v1"), in: directory)
            var lds = try await SignedLDS.make(signer: chain.signer, in: directory)
            let cms = try await signWithOpenSSLCMS(try lds.securityObject.derEncoded(), signer: chain.signer,
                                                   contentType: "2.23.136.1.1.2", in: directory)
            lds.files[.sod] = EFSOD.encode(contentInfo: cms)
            guard case .malformed(let reason) = verify(lds, trust: try chain.trust()).outcome else {
                Issue.record("expected malformed")
                return
            }
            #expect(reason.reason == .unparsable)
            #expect(reason.diagnostic?.contains("lds.sod.unexpectedContent") == true)
        }
    }

    /// Without signed attributes the signature would cover the content alone, not its type.
    @Test func signatureWithoutSignedAttributesIsMalformed() async throws {
        try await withTemporaryDirectory { directory in
            let chain = try await TestChain.make(.ec("brainpoolP256r1"), in: directory)
            var lds = try await SignedLDS.make(signer: chain.signer, in: directory)
            let cms = try await signWithOpenSSLCMS(try lds.securityObject.derEncoded(), signer: chain.signer,
                                                   withoutSignedAttributes: true, in: directory)
            lds.files[.sod] = EFSOD.encode(contentInfo: cms)
            #expect(verify(lds, trust: try chain.trust()).outcome == .malformed(MalformedSOD(.noSignedAttributes,
                                                                                              diagnostic: "no signed attributes or no messageDigest")))
        }
    }

    @Test func missingOrGarbageSODIsMalformed() throws {
        let trust = try TrustSnapshot.empty()
        var files = LDSFileSet()
        files[.dataGroup(.dg1)] = try SignedLDS.dataGroups()[.dg1]
        #expect(PassiveAuthenticator(trust: trust).verify(files).outcome == .malformed(MalformedSOD(.missingSOD, diagnostic: "EF.SOD was not read")))
        for garbage: [UInt8] in [[0x77, 0x03, 0x30, 0x01, 0x00], [0x77, 0x00], [0x30, 0x00], Array(repeating: 0xFF, count: 40)] {
            files[.sod] = garbage
            let result = PassiveAuthenticator(trust: trust).verify(files)
            guard case .malformed(let reason) = result.outcome else {
                Issue.record("expected malformed for \(garbage)")
                continue
            }
            #expect(reason.reason == .unparsable)
            #expect(result.status(VerificationCheck.Name.sodStructure) == .failed)
        }
    }

    @Test func sodWithoutDataGroupsIsMalformed() async throws {
        try await withTemporaryDirectory { directory in
            let chain = try await TestChain.make(.ec("prime256v1"), in: directory)
            let lds = try await SignedLDS.make(signer: chain.signer, in: directory)
            let onlySOD = SignedLDS(files: LDSFileSet([.sod: try #require(lds.files[.sod])]), securityObject: lds.securityObject)
            guard case .malformed(let reason) = verify(onlySOD, trust: try chain.trust()).outcome else {
                Issue.record("expected malformed")
                return
            }
            #expect(reason.reason == .noDataGroups)
        }
    }

    /// Every single-byte change of a genuine SOD ends in a typed outcome other than valid, and
    /// never crashes (hostile chip bytes).
    @Test func everySingleByteMutationOfTheSODIsRefused() async throws {
        try await withTemporaryDirectory { directory in
            let chain = try await TestChain.make(.ec("prime256v1"), in: directory)
            let lds = try await SignedLDS.make(signer: chain.signer, in: directory)
            let trust = try chain.trust()
            let authenticator = PassiveAuthenticator(trust: trust)
            let original = try #require(lds.files[.sod])
            var accepted: [Int] = []
            for index in original.indices {
                var files = lds.files
                var mutated = original
                mutated[index] ^= 0x5A
                files[.sod] = mutated
                if authenticator.verify(files).outcome == .valid { accepted.append(index) }
            }
            // Only bytes outside everything signed (unsigned SignerInfo fields) may change freely;
            // openssl cms writes none, so no mutation may pass.
            #expect(accepted.isEmpty, "mutations accepted at \(accepted)")
        }
    }
}
