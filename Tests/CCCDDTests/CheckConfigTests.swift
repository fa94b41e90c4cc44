import CCCDTestSupport
import Foundation
import Testing

@Suite("cccdd --check-config and a bad configuration at start")
struct CheckConfigTests {
    static let gateway = URL(string: "http://127.0.0.1:9")!

    @Test("a valid file and its credentials: exit 0")
    func valid() async throws {
        try await withTemporaryDirectory { folder in
            let (config, environment) = try KioskDaemon.writeConfiguration(in: folder, gateway: Self.gateway)
            let outcome = try await runProcess(BuiltProducts.executable("cccdd"), ["--check-config", "--config", config], environment: environment)
            #expect(outcome.status == 0, "\(outcome.stderrText)")
            #expect(outcome.stdoutText.contains("valid"))
        }
    }

    @Test("every problem is printed with its line, and the status is 78 (EX_CONFIG) — also when starting")
    func invalid() async throws {
        try await withTemporaryDirectory { folder in
            let (config, environment) = try KioskDaemon.writeConfiguration(
                in: folder, gateway: Self.gateway, extra: "\n[session]\nhold-seconds = \"long\"\njoin-windo-seconds = 5\n")
            let lines = try String(contentsOfFile: config, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            let holdLine = try #require(lines.firstIndex { $0.hasPrefix("hold-seconds") }) + 1
            let typoLine = try #require(lines.firstIndex { $0.hasPrefix("join-windo-seconds") }) + 1
            for arguments in [["--check-config", "--config", config], ["--config", config]] {
                let outcome = try await runProcess(BuiltProducts.executable("cccdd"), arguments, environment: environment)
                #expect(outcome.status == 78)
                #expect(outcome.stderrText.contains("cccdd.toml:\(holdLine):"), "\(outcome.stderrText)")
                #expect(outcome.stderrText.contains("cccdd.toml:\(typoLine):"), "\(outcome.stderrText)")
            }
        }
    }

    @Test("a missing credential is a configuration problem naming its key, never its value")
    func missingSecret() async throws {
        try await withTemporaryDirectory { folder in
            let (written, _) = try KioskDaemon.writeConfiguration(in: folder, gateway: Self.gateway)
            // A kiosk's file under another name: the problem names the file the admin must edit.
            let config = folder.appendingPathComponent("reception-2.toml").path
            try FileManager.default.moveItem(atPath: written, toPath: config)
            let outcome = try await runProcess(BuiltProducts.executable("cccdd"), ["--check-config", "--config", config],
                                               environment: ["CREDENTIALS_DIRECTORY": folder.appendingPathComponent("nothing-here").path])
            #expect(outcome.status == 78)
            #expect(outcome.stderrText.contains("reception-2.toml: gateway.bhxh.password"), "\(outcome.stderrText)")
            #expect(!outcome.stderrText.contains(KioskDaemon.bhxhPassword))
        }
    }
}
