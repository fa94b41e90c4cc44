import CardVerification
import Foundation
import LDS
import Testing

/// The two public sample passports. Their CSCAs are not public, so PA ends validUnchained:
/// signature and hashes valid, signer not chained. Their document signers expired in 2009 and
/// 2011: that is reported as the failed `documentSigner.validityNow` check, not as the outcome,
/// because the dates of a certificate nobody vouches for prove nothing either way.
@Suite(.enabled(if: PublicData.samplesAvailable, "needs the public LDS samples"))
struct PublicSampleVerificationTests {
    /// The German folder also holds DG4 and DG15, which its SOD does not list: a reader reads the
    /// groups the SOD lists, so those two are left out here (and refused below).
    @Test func germanSampleIsValidUnchainedWithAnExplicitCurveSigner() throws {
        var files = try PublicData.sample("bsi2008")
        files[.dataGroup(.dg4)] = nil
        files[.dataGroup(.dg15)] = nil
        let result = PassiveAuthenticator(trust: try TrustSnapshot.empty()).verify(files)
        #expect(result.outcome == .validUnchained, "\(result.checks)")
        #expect(result.hashAlgorithm == "SHA1")
        #expect(result.verifiedDataGroups == [.dg1, .dg2, .dg3, .dg14])
        #expect(result.status(VerificationCheck.Name.sodSignature) == .passed)
        #expect(result.status(VerificationCheck.Name.sodMessageDigest) == .passed)
        #expect(result.status(VerificationCheck.Name.signerValidityNow) == .failed)
        let key = try #require(result.documentSigner?.publicKey)
        #expect(key.algorithm == "EC" && key.curve == "brainpoolP224r1" && key.explicitParameters)
    }

    @Test func dutchSampleIsValidUnchainedWithAnRSASigner() throws {
        let result = PassiveAuthenticator(trust: try TrustSnapshot.empty()).verify(try PublicData.sample("loes2006"))
        #expect(result.outcome == .validUnchained, "\(result.checks)")
        #expect(result.hashAlgorithm == "SHA256")
        #expect(result.verifiedDataGroups == [.dg1, .dg2, .dg15])
        #expect(result.documentSigner?.publicKey.algorithm == "RSA")
        #expect(result.signingTimeSource == .documentSignerNotBefore)
        #expect(result.status(VerificationCheck.Name.signerValidityNow) == .failed)
        #expect(result.status(VerificationCheck.Name.signerKeyUsage) == .passed)
    }

    /// A data group nothing vouches for is refused, not ignored: its content could be anything.
    @Test func germanFolderWithUnlistedGroupsIsAHashMismatch() throws {
        let result = PassiveAuthenticator(trust: try TrustSnapshot.empty()).verify(try PublicData.sample("bsi2008"))
        #expect(result.outcome == .hashMismatch(.dg4))
        #expect(result.status(VerificationCheck.Name.dataGroupHash("DG15")) == .failed)
        #expect(result.status(VerificationCheck.Name.sodSignature) == .passed)
    }

    @Test func tamperedSampleDG1IsAHashMismatch() throws {
        var files = try PublicData.sample("loes2006")
        var dg1 = try #require(files[.dataGroup(.dg1)])
        dg1[10] ^= 0x01
        files[.dataGroup(.dg1)] = dg1
        #expect(PassiveAuthenticator(trust: try TrustSnapshot.empty()).verify(files).outcome == .hashMismatch(.dg1))
    }
}
