import CCCDTestSupport
import Foundation
import Testing

/// `cccd-vcard` on its own: typed refusal of a bad profile, and a clear note while vpcd is absent.
@Suite("cccd-vcard", .serialized)
struct VirtualCardToolTests {
    @Test("A profile that is not JSON: one line naming the problem, exit 78")
    func badProfile() async throws {
        try await withTemporaryDirectory { folder in
            let profile = folder.appendingPathComponent("broken.json")
            try Data("{ \"holder\": 12 }".utf8).write(to: profile)
            let outcome = try await runProcess(BuiltProducts.executable("cccd-vcard"), ["--profile", profile.path])
            #expect(outcome.status == 78)
            #expect(outcome.stderrText.contains("[vchip.profile.invalid]"), "\(outcome.stderrText)")
            let missing = try await runProcess(BuiltProducts.executable("cccd-vcard"), ["--profile", folder.appendingPathComponent("none.json").path])
            #expect(missing.status == 78)
            #expect(missing.stderrText.contains("[vchip.profile.unreadable]"), "\(missing.stderrText)")
        }
    }

    @Test("sign-sod with a signer openssl cannot use: signingFailed, exit 70, no EF.SOD", .enabled(if: VirtualCardMaterial.toolsAvailable))
    func signingFailure() async throws {
        try await withTemporaryDirectory { folder in
            let material = try await VirtualCardMaterial.make(in: folder)
            let out = folder.appendingPathComponent("new-sod.bin")
            let garbage = folder.appendingPathComponent("not-a-key.pem")
            try Data("not a key".utf8).write(to: garbage)
            let outcome = try await runProcess(BuiltProducts.executable("cccd-vcard"), [
                "sign-sod", "--profile", material.profile("nguyen-thi-mau").path,
                "--signer", garbage.path, "--key", garbage.path, "--out", out.path,
            ])
            #expect(outcome.status == 70)
            #expect(outcome.stderrText.contains("[vcard.sod.signingFailed]"), "\(outcome.stderrText)")
            #expect(!FileManager.default.fileExists(atPath: out.path))
        }
    }

    @Test("No vpcd listening: says so once, keeps trying, and stops cleanly on SIGTERM", .enabled(if: VirtualCardMaterial.toolsAvailable))
    func noVPCD() async throws {
        try await withTemporaryDirectory { folder in
            let material = try await VirtualCardMaterial.make(in: folder)
            // A loopback port nothing listens on (not vpcd's 35963/35964).
            let card = try SpawnedProcess(
                executable: BuiltProducts.executable("cccd-vcard").path,
                arguments: ["--profile", material.profile("nguyen-thi-mau").path, "--port", "35999"],
                logPath: folder.appendingPathComponent("vcard.log").path
            )
            let process = VirtualCardProcess(process: card, log: folder.appendingPathComponent("vcard.log"))
            do {
                try await process.waitForLine("waiting for vpcd at 127.0.0.1:35999")
                try await Task.sleep(for: .seconds(1.5))
                #expect(process.output.components(separatedBy: "waiting for vpcd").count == 2, "said once: \(process.output)")
                #expect(!process.output.contains("inserted"))
            } catch {
                await card.stop()
                throw error
            }
            card.signal(SIGTERM)
            #expect(await card.waitForExit(within: .seconds(5)))
            await card.stop()
        }
    }
}
