import CCCDTestSupport
import Foundation
import Testing

/// `cccdctl card read --json` with the verdict, through pcscd, vpcd and `cccd-vcard`.
extension CardReadEndToEndTests {
    @Test("card read --qr --csca --json: the verdict and every check; a cloned chip is suspicious")
    func verdictInJSON() async throws {
        try await withTemporaryDirectory { folder in
            let material = try await VirtualCardMaterial.make(in: folder)
            let trust = ["--csca", material.csca("brainpool").path, "--today", "2026-01-15"]
            try await PCSCRig.withRig { _ in
                try await VirtualCardProcess.with(profile: material.profile("nguyen-thi-mau"), in: folder) { _ in
                    let read = try await CardReadCLI.readJSON(["--qr", CardReadCLI.qrPayload] + trust)
                    let verdict = try #require(read["verdict"] as? [String: Any])
                    #expect(verdict["kind"] as? String == "authentic")
                    #expect((verdict["reasons"] as? [Any])?.isEmpty == true)
                    let checks = try #require(verdict["checks"] as? [[String: Any]])
                    let names = checks.compactMap { $0["name"] as? String }
                    for name in ["sod.signature", "dg.hash.DG1", "documentSigner.chain", "chip.activeAuthentication",
                                 "chip.chipAuthentication", "qrChip.fullName", "dg1dg13.idNumber", "card.expiry"] {
                        #expect(names.contains(name), "\(name)")
                    }
                    #expect(checks.allSatisfy { $0["status"] as? String == "passed" || $0["status"] as? String == "notRun" })
                }
                // pcscd must see the first card go before the second one counts as present.
                try await VirtualCardProcess.waitForReader(cardPresent: false)
                try await VirtualCardProcess.with(profile: material.profile("dang-thi-ngoc-huong"), in: folder) { _ in
                    let outcome = try await CardReadCLI.run(["--can", "000789"] + trust)
                    #expect(outcome.status == 0, "the verdict does not change the exit status")
                    #expect(outcome.stdoutText.contains("verdict: suspicious (verdict.cloneDetection.failed)"))
                }
            }
        }
    }
}
