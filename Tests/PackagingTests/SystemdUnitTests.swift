import CCCDTestSupport
import Foundation
import Testing

/// The installed unit, checked by systemd 252's own analyzer against the installed root (so the
/// ExecStart= binary, the sysusers user and the referenced units are the installed ones).
@Suite(.serialized)
struct SystemdUnitTests {
    static let analyze = URL(fileURLWithPath: "/usr/bin/systemd-analyze")

    @Test func verifyAcceptsTheInstalledUnit() async throws {
        try await withTemporaryDirectory { folder in
            let installed = try await Installation.make(in: folder)
            try installed.addHostBasics()
            let verify = try await runProcess(
                Self.analyze, ["verify", "--man=no", "--root=\(installed.root.path)", "cccdd.service"])
            #expect(verify.status == 0, "\(verify.stdoutText)\(verify.stderrText)")
            #expect(verify.stderrText.isEmpty, "systemd-analyze warned:\n\(verify.stderrText)")

            // The same check fails once the binary is gone: it really looks inside the root.
            try FileManager.default.removeItem(atPath: installed.path("usr/bin/cccdd"))
            let broken = try await runProcess(
                Self.analyze, ["verify", "--man=no", "--root=\(installed.root.path)", "cccdd.service"])
            #expect(broken.status != 0)
            #expect(broken.stderrText.contains("/usr/bin/cccdd is not executable"), "\(broken.stderrText)")
        }
    }

    /// `systemd-analyze security --offline=true` (in 252) scores the unit file without a running
    /// systemd. The level must be "OK" or better: exposure below 4.0 of 10.
    @Test func securityScoresOKOrBetter() async throws {
        try await withTemporaryDirectory { folder in
            let installed = try await Installation.make(in: folder)
            try installed.addHostBasics()
            let security = try await runProcess(
                Self.analyze,
                ["security", "--offline=true", "--no-pager", "--root=\(installed.root.path)", "--threshold=39", "cccdd.service"])
            let report = security.stdoutText + security.stderrText
            let line = try #require(report.split(separator: "\n").first { $0.contains("Overall exposure level for cccdd.service") },
                                    "no overall exposure line in:\n\(report)")
            print("systemd-analyze security: \(line)")
            let words = line.split(separator: " ")
            let scoreIndex = try #require(words.firstIndex { $0 == "cccdd.service:" }).advanced(by: 1)
            let score = try #require(Double(words[scoreIndex]))
            let level = String(words[scoreIndex + 1])
            #expect(["OK", "SAFE"].contains(level), "\(line)")
            #expect(score < 4.0, "\(line)")
            #expect(security.status == 0, "over the threshold:\n\(report)")
            // The lines the spec insists on are in force, not just present in the file.
            for setting in ["PrivateTmp=", "ProtectSystem=", "NoNewPrivileges=", "MemoryDenyWriteExecute=",
                            "RestrictNamespaces=~user", "CapabilityBoundingSet=~CAP_SYS_ADMIN"] {
                let row = report.split(separator: "\n").first { $0.contains(" \(setting)") } ?? ""
                #expect(row.hasPrefix("✓"), "\(setting) not satisfied: \(row)")
            }
        }
    }

    /// The unit's settings the rest of the product relies on, read the way systemd reads them.
    @Test func unitDeclaresWhatTheDaemonReliesOn() throws {
        let unit = try String(
            contentsOf: Installation.repository.appendingPathComponent("Systemd/cccdd.service"), encoding: .utf8)
        let settings = Set(unit.split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init))
        for required in [
            "Type=notify", "ExecStart=/usr/bin/cccdd --config /etc/cccdd/cccdd.toml", "ExecReload=/bin/kill -HUP $MAINPID",
            "WatchdogSec=30", "Restart=on-failure", "RestartPreventExitStatus=78", "User=cccdd", "Group=cccdd",
            "Wants=pcscd.socket", "StateDirectory=cccdd", "ConfigurationDirectory=cccdd", "RuntimeDirectory=cccdd",
            "RuntimeDirectoryMode=0750", "UMask=0077", "DevicePolicy=closed",
            "LoadCredential=bhxh-password:/etc/cccdd/secrets/bhxh-password",
            "LoadCredential=site-key:/etc/cccdd/secrets/site-key",
        ] {
            #expect(settings.contains(required), "missing: \(required)")
        }
        #expect(!settings.contains { $0.hasPrefix("PrivateDevices=") }, "PrivateDevices= hides the scanners")
        #expect(!settings.contains { $0.hasPrefix("Requires=pcscd") }, "a pcscd restart must not stop cccdd")
    }
}
