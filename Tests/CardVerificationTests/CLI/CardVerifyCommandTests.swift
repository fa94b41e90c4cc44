import CCCDTestSupport
import Foundation
import Testing

/// The real `cccdctl card verify` binary on folders of chip files.
@Suite(.enabled(if: OpenSSLCommandLine.isAvailable, "needs the openssl command-line tool"))
struct CardVerifyCommandTests {
    static let cccdctl = BuiltProducts.executable("cccdctl")

    static func json(_ outcome: ProcessOutcome) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: outcome.stdout) as? [String: Any])
    }

    static func statuses(_ json: [String: Any]) -> [String: String] {
        let checks = json["checks"] as? [[String: Any]] ?? []
        return Dictionary(uniqueKeysWithValues: checks.compactMap { check in
            (check["name"] as? String).map { ($0, check["status"] as? String ?? "") }
        })
    }

    @Test func validWithTheCSCAAndUnchainedWithout() async throws {
        try await withTemporaryDirectory { directory in
            let chain = try await TestChain.make(.ec("brainpoolP256r1", explicitParameters: true), in: directory)
            let lds = try await SignedLDS.make(signer: chain.signer, in: directory)
            let folder = directory.appendingPathComponent("lds")
            try lds.write(to: folder)

            let trusted = try await runProcess(Self.cccdctl, ["card", "verify", "--lds", folder.path,
                                                              "--csca", chain.csca.files.certificate.path, "--json"])
            #expect(trusted.status == 0, "\(trusted.stderrText)")
            let result = try Self.json(trusted)
            #expect(result["outcome"] as? String == "valid")
            #expect(result["verifiedDataGroups"] as? [String] == ["DG1", "DG2", "DG13"])
            let signer = result["documentSigner"] as? [String: Any]
            #expect(signer?["curve"] as? String == "brainpoolP256r1")
            #expect(signer?["explicitParameters"] as? Bool == true)
            #expect((result["trustAnchor"] as? [String: Any])?["subject"] as? String == "CN=Test CSCA, O=Test Issuing Authority, C=VN")
            #expect(Self.statuses(result)["documentSigner.chain"] == "passed")

            let unchained = try await runProcess(Self.cccdctl, ["card", "verify", "--lds", folder.path, "--json"])
            #expect(unchained.status == 0)
            #expect(try Self.json(unchained)["outcome"] as? String == "validUnchained")
            #expect(try Self.json(unchained)["trustAnchor"] is NSNull)

            let strict = try await runProcess(Self.cccdctl, ["card", "verify", "--lds", folder.path, "--strict"])
            #expect(strict.status == 1)
            #expect(strict.stdoutText.hasPrefix("Passive Authentication: untrustedSigner"))

            let vietnamese = try await runProcess(Self.cccdctl, ["card", "verify", "--lds", folder.path, "--lang", "vi"])
            #expect(vietnamese.stdoutText.contains("Chữ ký và dữ liệu hợp lệ, nhưng chưa xác minh được cơ quan cấp"))
        }
    }

    @Test func tamperedGroupExitsOneAndNamesIt() async throws {
        try await withTemporaryDirectory { directory in
            let chain = try await TestChain.make(.rsa(bits: 2048), in: directory)
            var lds = try await SignedLDS.make(signer: chain.signer, scheme: .rsaPSS(saltLength: 32), in: directory)
            var dg13 = try #require(lds.files[.dataGroup(.dg13)])
            dg13[dg13.count - 1] ^= 0x20
            lds.files[.dataGroup(.dg13)] = dg13
            let folder = directory.appendingPathComponent("lds")
            try lds.write(to: folder)
            let outcome = try await runProcess(Self.cccdctl, ["card", "verify", "--lds", folder.path, "--json"])
            #expect(outcome.status == 1)
            let result = try Self.json(outcome)
            #expect(result["outcome"] as? String == "hashMismatch")
            #expect(result["dataGroup"] as? String == "DG13")
            #expect(Self.statuses(result)["dg.hash.DG13"] == "failed")
            // No personal data in the report: the invented holder's name never appears.
            #expect(!outcome.stdoutText.contains("Thử") && !outcome.stdoutText.contains("THU"))
        }
    }

    @Test func trustDirectoryAndCRLOptions() async throws {
        try await withTemporaryDirectory { directory in
            let chain = try await TestChain.make(.ec("prime256v1"), in: directory)
            try await chain.csca.revoke(chain.signer)
            let pemCRL = try await chain.csca.publishCRL()
            let crl = directory.appendingPathComponent("csca.crl")
            try await OpenSSLCommandLine.run(["crl", "-in", pemCRL.path, "-outform", "DER", "-out", crl.path], in: directory)
            let folder = directory.appendingPathComponent("lds")
            try await SignedLDS.make(signer: chain.signer, in: directory).write(to: folder)
            let trustDirectory = directory.appendingPathComponent("trust")
            let add = try await runProcess(Self.cccdctl, ["trust", "add", chain.csca.files.certificate.path, "--trust-dir", trustDirectory.path])
            #expect(add.status == 0, "\(add.stderrText)")
            let outcome = try await runProcess(Self.cccdctl, ["card", "verify", "--lds", folder.path, "--trust-dir", trustDirectory.path,
                                                              "--crl", crl.path, "--json"])
            #expect(outcome.status == 1)
            let result = try Self.json(outcome)
            #expect(result["outcome"] as? String == "untrustedSigner")
            #expect(Self.statuses(result)["documentSigner.revocation"] == "failed")
        }
    }

    @Test func missingFolderAndBadTrustFileAreTypedErrors() async throws {
        try await withTemporaryDirectory { directory in
            let missing = try await runProcess(Self.cccdctl, ["card", "verify", "--lds", directory.appendingPathComponent("none").path])
            #expect(missing.status == 66)
            #expect(missing.stderrText.contains("[cli.lds.unreadable]"))

            let folder = directory.appendingPathComponent("lds")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let bogus = directory.appendingPathComponent("bogus.pem")
            try Data("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n".utf8).write(to: bogus)
            let badTrust = try await runProcess(Self.cccdctl, ["card", "verify", "--lds", folder.path, "--csca", bogus.path])
            #expect(badTrust.status == 65)
            #expect(badTrust.stderrText.contains("[trust.certificate.unparsable]"))

            let empty = try await runProcess(Self.cccdctl, ["card", "verify", "--lds", folder.path, "--json"])
            #expect(empty.status == 65)
            #expect(try Self.json(empty)["malformedReason"] as? String == "pa.sod.missing")
        }
    }

    /// The German sample passport's signed groups, saved under `card read --out` names.
    @Test(.enabled(if: PublicData.samplesAvailable, "needs the public LDS samples"))
    func germanSampleIsValidUnchained() async throws {
        try await withTemporaryDirectory { directory in
            let source = PublicData.samples.appendingPathComponent("bsi2008")
            for (from, to) in [("EF_SOD", "EF.SOD"), ("Datagroup1", "DG1"), ("Datagroup2", "DG2"), ("Datagroup3", "DG3"), ("Datagroup14", "DG14")] {
                try FileManager.default.copyItem(at: source.appendingPathComponent("\(from).bin"), to: directory.appendingPathComponent("\(to).bin"))
            }
            let outcome = try await runProcess(Self.cccdctl, ["card", "verify", "--lds", directory.path, "--json"])
            #expect(outcome.status == 0)
            let result = try Self.json(outcome)
            #expect(result["outcome"] as? String == "validUnchained")
            #expect(result["hashAlgorithm"] as? String == "SHA1")
            #expect(Self.statuses(result)["documentSigner.validityNow"] == "failed")
        }
    }

    /// The Dutch sample's folder as is: files named by identifier (011D.bin…).
    @Test(.enabled(if: PublicData.samplesAvailable, "needs the public LDS samples"))
    func dutchSampleFolderByFileIdentifier() async throws {
        let outcome = try await runProcess(Self.cccdctl, ["card", "verify", "--lds", PublicData.samples.appendingPathComponent("loes2006").path])
        #expect(outcome.status == 0)
        #expect(outcome.stdoutText.hasPrefix("Passive Authentication: validUnchained"))
        #expect(outcome.stdoutText.contains("passed       dg.hash.DG15"))
    }
}
