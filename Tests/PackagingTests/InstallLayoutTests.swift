import CCCDTestSupport
import Foundation
import Glibc
import Testing

/// `make install DESTDIR=… PREFIX=/usr`: every file where systemd, udev and dpkg look for it, with the
/// modes the sandbox relies on; then systemd's own sysusers and tmpfiles applied to that root.
@Suite(.serialized)
struct InstallLayoutTests {
    static let expectedFiles: [(path: String, mode: Int)] = [
        ("usr/bin/cccdd", 0o755),
        ("usr/bin/cccdctl", 0o755),
        ("usr/lib/systemd/system/cccdd.service", 0o644),
        ("usr/lib/sysusers.d/cccdd.conf", 0o644),
        ("usr/lib/tmpfiles.d/cccdd.conf", 0o644),
        ("usr/lib/modules-load.d/cccdd.conf", 0o644),
        ("usr/lib/udev/rules.d/70-cccdd.rules", 0o644),
        ("usr/share/doc/cccd-kiosk/ADMIN.md", 0o644),
        ("usr/share/doc/cccd-kiosk/cccdd.toml.example", 0o644),
        ("etc/cccdd/cccdd.toml", 0o640),
    ]
    static let expectedDirectories: [(path: String, mode: Int)] = [
        ("etc/cccdd", 0o750),
        ("etc/cccdd/secrets", 0o700),
        ("etc/cccdd/trust/csca", 0o755),
        ("etc/cccdd/trust/masterlists", 0o755),
        ("etc/cccdd/trust/crl", 0o755),
    ]

    @Test func installLaysOutTheProductWithItsModes() async throws {
        try await withTemporaryDirectory { folder in
            let installed = try await Installation.make(in: folder)
            for (path, mode) in Self.expectedFiles {
                let found = installed.mode(path)
                #expect(found?.type == S_IFREG, "\(path) missing or not a file\n\(installed.makeOutput)")
                #expect(found?.permissions == mode, "\(path): \(String(found?.permissions ?? 0, radix: 8))")
            }
            for (path, mode) in Self.expectedDirectories {
                let found = installed.mode(path)
                #expect(found?.type == S_IFDIR, "\(path) missing or not a directory")
                #expect(found?.permissions == mode, "\(path): \(String(found?.permissions ?? 0, radix: 8))")
            }
            // The test tools are not part of the product.
            for tool in ["bhxh-sim", "cccd-vcard"] {
                #expect(installed.mode("usr/bin/\(tool)") == nil, "\(tool) must not be installed by `make install`")
            }
            // The installed binary is the built one, byte for byte.
            let built = try Data(contentsOf: BuiltProducts.executable("cccdctl"))
            #expect(try Data(contentsOf: installed.root.appendingPathComponent("usr/bin/cccdctl")) == built)
            // The admin section, and only it, is the installed documentation.
            let admin = try String(contentsOfFile: installed.path("usr/share/doc/cccd-kiosk/ADMIN.md"), encoding: .utf8)
            #expect(admin.hasPrefix("## Installing on a kiosk (admin)\n"))
            #expect(admin.contains("cccdd --check-config") && admin.contains("journalctl -u cccdd"))
            #expect(!admin.contains("\n## "), "the admin section runs into the next README section")
        }
    }

    @Test func reinstallKeepsTheAdminsConfiguration() async throws {
        try await withTemporaryDirectory { folder in
            _ = try await Installation.make(in: folder)
            let config = folder.appendingPathComponent("root/etc/cccdd/cccdd.toml")
            let edited = Data("# edited by the admin\n".utf8)
            try edited.write(to: config)
            let again = try await Installation.make(in: folder)
            #expect(try Data(contentsOf: config) == edited)
            #expect(again.makeOutput.contains("kept the existing"))
        }
    }

    /// sysusers and tmpfiles are what the package's postinst (and every boot) runs: applied to the
    /// installed root they must create the user and give /etc/cccdd its group and the empty secrets.
    @Test(.enabled(if: getuid() == 0, "needs root to chown inside the temporary root"))
    func sysusersAndTmpfilesCompleteTheLayout() async throws {
        try await withTemporaryDirectory { folder in
            let installed = try await Installation.make(in: folder)
            try installed.addHostBasics()
            let sysusers = try await runProcess(
                URL(fileURLWithPath: "/usr/bin/systemd-sysusers"), ["--root=\(installed.root.path)"])
            #expect(sysusers.status == 0, "\(sysusers.stderrText)")
            let tmpfiles = try await runProcess(
                URL(fileURLWithPath: "/usr/bin/systemd-tmpfiles"), ["--root=\(installed.root.path)", "--create"])
            #expect(tmpfiles.status == 0, "\(tmpfiles.stderrText)")

            let group = try String(contentsOfFile: installed.path("etc/group"), encoding: .utf8)
            let groupLine = try #require(group.split(separator: "\n").first { $0.hasPrefix("cccdd:") })
            let gid = try #require(UInt32(groupLine.split(separator: ":", omittingEmptySubsequences: false)[2]))
            let passwd = try String(contentsOfFile: installed.path("etc/passwd"), encoding: .utf8)
            #expect(passwd.contains(":\(gid):cccd-kiosk daemon:/var/lib/cccdd:/usr/sbin/nologin"))
            for shared in ["dialout", "video"] {
                let line = group.split(separator: "\n").first { $0.hasPrefix("\(shared):") } ?? ""
                #expect(line.hasSuffix(":cccdd") || line.contains(",cccdd"), "cccdd not in \(shared): \(line)")
            }
            #expect(!group.split(separator: "\n").contains { $0.hasPrefix("input:") && $0.contains("cccdd") })

            #expect(installed.owner("etc/cccdd")?.gid == gid)
            #expect(installed.owner("etc/cccdd/cccdd.toml")?.gid == gid)
            #expect(installed.mode("etc/cccdd/cccdd.toml")?.permissions == 0o640)
            for secret in ["bhxh-password", "his-secret", "site-key"] {
                let path = "etc/cccdd/secrets/\(secret)"
                #expect(installed.mode(path)?.permissions == 0o600, "\(path)")
                #expect(installed.owner(path)?.uid == 0 && installed.owner(path)?.gid == 0)
                #expect(try Data(contentsOf: installed.root.appendingPathComponent(path)).isEmpty)
            }
            // tmpfiles never overwrites a secret the admin has set.
            let key = installed.root.appendingPathComponent("etc/cccdd/secrets/site-key")
            try Data("not-a-real-key".utf8).write(to: key)
            _ = try await runProcess(
                URL(fileURLWithPath: "/usr/bin/systemd-tmpfiles"), ["--root=\(installed.root.path)", "--create"])
            #expect(try Data(contentsOf: key) == Data("not-a-real-key".utf8))
        }
    }
}
