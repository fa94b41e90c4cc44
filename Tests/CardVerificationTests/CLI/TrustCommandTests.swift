import CCCDTestSupport
import Foundation
import Testing

/// The real `cccdctl trust` binary.
struct TrustCommandTests {
    static let cccdctl = BuiltProducts.executable("cccdctl")

    @Test(.enabled(if: PublicData.masterListAvailable, "needs the German master list"))
    func verifyMasterListReportsSignerAndCount() async throws {
        let text = try await runProcess(Self.cccdctl, ["trust", "verify-master-list", PublicData.masterList.path])
        #expect(text.status == 0)
        #expect(text.stdoutText.contains("signature verified"))
        #expect(text.stdoutText.contains("signer: CN=CSCA Master List Signer"))
        #expect(text.stdoutText.contains("CSCA certificates: 588"))

        let json = try await runProcess(Self.cccdctl, ["trust", "verify-master-list", PublicData.masterList.path, "--json"])
        let object = try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any]
        #expect(object?["certificateCount"] as? Int == 588)
        #expect((object?["countries"] as? [String])?.contains("VN") == true)
        #expect((object?["signerIssuer"] as? String)?.contains("csca-germany") == true)
    }

    @Test(.enabled(if: PublicData.masterListAvailable, "needs the German master list"))
    func alteredMasterListExits65() async throws {
        try await withTemporaryDirectory { directory in
            var bytes = [UInt8](try Data(contentsOf: PublicData.masterList))
            bytes[bytes.count / 3] ^= 0x01
            let altered = directory.appendingPathComponent("altered.ml")
            try Data(bytes).write(to: altered)
            let outcome = try await runProcess(Self.cccdctl, ["trust", "verify-master-list", altered.path])
            #expect(outcome.status == 65)
            #expect(outcome.stderrText.contains("[trust.masterList."))
        }
    }

    @Test(.enabled(if: OpenSSLCommandLine.isAvailable, "needs the openssl command-line tool"))
    func addRefusesNonCAAndListShowsWhatWasAdded() async throws {
        try await withTemporaryDirectory { directory in
            let chain = try await TestChain.make(.ec("brainpoolP384r1", explicitParameters: true), in: directory)
            let trustDirectory = directory.appendingPathComponent("trust")
            let refused = try await runProcess(Self.cccdctl, ["trust", "add", chain.signer.certificate.path, "--trust-dir", trustDirectory.path])
            #expect(refused.status == 65)
            #expect(refused.stderrText.contains("[trust.certificate.notCA]"))
            #expect(!FileManager.default.fileExists(atPath: trustDirectory.appendingPathComponent("csca").path))

            let added = try await runProcess(Self.cccdctl, ["trust", "add", chain.csca.files.certificate.path, "--trust-dir", trustDirectory.path])
            #expect(added.status == 0)
            #expect(added.stdoutText.hasPrefix("added CN=Test CSCA"))
            let again = try await runProcess(Self.cccdctl, ["trust", "add", chain.csca.files.certificate.path, "--trust-dir", trustDirectory.path])
            #expect(again.stdoutText.hasPrefix("already trusted"))

            let list = try await runProcess(Self.cccdctl, ["trust", "list", "--trust-dir", trustDirectory.path, "--json"])
            #expect(list.status == 0)
            let object = try JSONSerialization.jsonObject(with: list.stdout) as? [String: Any]
            let certificates = object?["certificates"] as? [[String: Any]] ?? []
            #expect(certificates.count == 1)
            #expect(certificates.first?["selfIssued"] as? Bool == true)
            let certificate = certificates.first?["certificate"] as? [String: Any]
            #expect(certificate?["publicKey"] as? String == "EC brainpoolP384r1 (explicit parameters)")
            #expect((certificate?["fingerprintSHA256"] as? String)?.count == 64)
            let text = try await runProcess(Self.cccdctl, ["trust", "list", "--trust-dir", trustDirectory.path])
            #expect(text.stdoutText.contains("1 trusted CSCA certificate(s)"))
            #expect(text.stdoutText.contains("CN=Test CSCA, O=Test Issuing Authority, C=VN"))
        }
    }
}
