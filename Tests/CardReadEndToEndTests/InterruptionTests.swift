import CCCDTestSupport
import Foundation
import Testing

/// A card pulled mid-read and pcscd restarted between reads, through the binaries.
extension CardReadEndToEndTests {
    @Test("Card pulled after 20 APDUs: card-removed error, exit 75, nothing written to --out")
    func cardPulledMidRead() async throws {
        try await withTemporaryDirectory { folder in
            let material = try await VirtualCardMaterial.make(in: folder)
            let out = folder.appendingPathComponent("out")
            try await PCSCRig.withRig { _ in
                try await VirtualCardProcess.with(
                    profile: material.profile("nguyen-thi-mau"), arguments: ["--remove-after", "20"], in: folder
                ) { card in
                    let outcome = try await CardReadCLI.run(["--can", "000123", "--out", out.path])
                    #expect(outcome.status == 75, "\(outcome.stderrText)")
                    #expect(outcome.stderrText.contains("[reader.card.removed]"), "\(outcome.stderrText)")
                    #expect(outcome.stderrText.split(separator: "\n").count == 1)
                    try await card.waitForLine("removed: card pulled after 20 APDUs")
                    let written = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
                    #expect(written.isEmpty, "\(written)")
                }
            }
        }
    }

    @Test("pcscd killed and restarted between two reads: the second read succeeds")
    func pcscdRestartBetweenReads() async throws {
        try await withTemporaryDirectory { folder in
            let material = try await VirtualCardMaterial.make(in: folder)
            try await PCSCRig.withRig { rig in
                guard rig.ownsService else {
                    print("SKIPPED: pcscd is a system service here; the rig will not kill it")
                    return
                }
                try await VirtualCardProcess.with(profile: material.profile("nguyen-thi-mau"), in: folder) { card in
                    let first = try await CardReadCLI.readJSON(["--can", "000123", "--dg", "1,13"])
                    #expect(first["fullName"] as? String == "Nguyễn Thị Mẫu")

                    try await rig.killService()
                    let down = try await CardReadCLI.run(["--can", "000123", "--dg", "13"])
                    #expect(down.status == 69, "\(down.stderrText)")
                    #expect(down.stderrText.contains("[reader.service.unavailable]"), "\(down.stderrText)")

                    try await rig.startService()
                    // cccd-vcard finds vpcd's new listener by itself and says so again.
                    try await card.waitForLine("inserted:", occurrences: 2)
                    try await VirtualCardProcess.waitForReader(cardPresent: true)
                    let second = try await CardReadCLI.readJSON(["--can", "000123", "--dg", "1,13"])
                    #expect(second["fullName"] as? String == "Nguyễn Thị Mẫu")
                    #expect(second["apduCount"] as? Int == first["apduCount"] as? Int)
                }
            }
        }
    }
}
