import CCCDIdentity
import CCCDTestSupport
import CardVerification
import Foundation
import LDS
import Testing

/// `cccdctl card verify --json` prints the verdict over saved files: cross-checks, `--qr`,
/// `--today`, `--require-chain` — with the exit status still Passive Authentication's.
@Suite("card verify verdict", .enabled(if: OpenSSLCommandLine.isAvailable))
struct CardVerifyVerdictTests {
    static func verdict(_ arguments: [String]) async throws -> (status: Int32, verdict: [String: Any], stdout: String) {
        let outcome = try await runProcess(CardVerifyCommandTests.cccdctl, ["card", "verify"] + arguments + ["--json"])
        let json = try CardVerifyCommandTests.json(outcome)
        return (outcome.status, try #require(json["verdict"] as? [String: Any]), outcome.stdoutText)
    }

    @Test("Saved genuine files: authentic with the CSCA and the card's own QR; the QR of another card is named field by field")
    func savedFiles() async throws {
        try await withTemporaryDirectory { directory in
            let chain = try await TestChain.make(.ec("brainpoolP256r1"), in: directory)
            let folder = directory.appendingPathComponent("lds")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (file, bytes) in try await CrossCheckCard.genuine().files(signedBy: chain, in: directory).files {
                try Data(bytes).write(to: folder.appendingPathComponent(file.fileName))
            }
            let csca = chain.csca.files.certificate.path
            let qr = try CrossCheckCard.qr().payloadText

            let genuine = try await Self.verdict(["--lds", folder.path, "--csca", csca, "--qr", qr, "--today", "2026-01-15"])
            #expect(genuine.status == 0)
            #expect(genuine.verdict["kind"] as? String == "authentic")
            #expect(genuine.verdict["failedChecks"] as? [String] == [])
            let checks = try #require(genuine.verdict["checks"] as? [[String: Any]])
            let statuses = Dictionary(checks.map { ($0["name"] as? String ?? "", $0["status"] as? String ?? "") }) { $1 }
            #expect(statuses["qrChip.fullName"] == "passed")
            #expect(statuses["dg1dg13.dateOfBirth"] == "passed")
            #expect(statuses["chip.activeAuthentication"] == "notRun")
            #expect(statuses["sod.signature"] == "passed")

            let other = try CrossCheckCard.qr(issueDate: try #require(CivilDate(year: 2022, month: 1, day: 3))).payloadText
            let mismatch = try await Self.verdict(["--lds", folder.path, "--csca", csca, "--qr", other, "--today", "2026-01-15"])
            #expect(mismatch.status == 0, "the exit status stays Passive Authentication's")
            #expect(mismatch.verdict["kind"] as? String == "suspicious")
            #expect(mismatch.verdict["failedChecks"] as? [String] == ["qrChip.issueDate"])
            let reason = try #require((mismatch.verdict["reasons"] as? [[String: Any]])?.first)
            #expect(reason["code"] as? String == "verdict.qr.mismatch")
            #expect(reason["vi"] as? String == "Mã QR và chip không khớp: ngày cấp")
            #expect(!mismatch.stdout.contains("Mẫu") && !mismatch.stdout.contains("001190000123"), "no personal data in the report")

            let expired = try await Self.verdict(["--lds", folder.path, "--csca", csca, "--today", "2030-03-16"])
            #expect(expired.verdict["kind"] as? String == "invalid")
            #expect(expired.verdict["failedChecks"] as? [String] == ["card.expiry"])

            let unchained = try await Self.verdict(["--lds", folder.path, "--today", "2026-01-15"])
            #expect(unchained.verdict["kind"] as? String == "authenticUnchained")
            let chainRequired = try await Self.verdict(["--lds", folder.path, "--today", "2026-01-15", "--require-chain"])
            #expect(chainRequired.verdict["kind"] as? String == "invalid")

            let badDate = try await runProcess(CardVerifyCommandTests.cccdctl, ["card", "verify", "--lds", folder.path, "--today", "15/01/2026"])
            #expect(badDate.status == 64)
        }
    }
}
