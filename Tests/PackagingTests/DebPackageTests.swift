import CCCDTestSupport
import Foundation
import Testing

/// `make deb`: the same layout as `make install`, packed by dpkg-deb and read back by dpkg-deb.
@Suite(.serialized)
struct DebPackageTests {
    static let dpkgDeb = URL(fileURLWithPath: "/usr/bin/dpkg-deb")

    @Test func debCarriesTheInstalledLayoutAndItsMaintainerScripts() async throws {
        try await withTemporaryDirectory { folder in
            _ = try await Installation.make(in: folder, target: "deb", extra: ["DEB_VERSION=1.2.3"])
            let debs = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("deb").path)
                .filter { $0.hasSuffix(".deb") }
            let name = try #require(debs.first, "no .deb produced")
            #expect(name.hasPrefix("cccd-kiosk_1.2.3_"))
            let deb = folder.appendingPathComponent("deb/\(name)").path

            let info = try await runProcess(Self.dpkgDeb, ["--info", deb])
            try #require(info.status == 0, "\(info.stderrText)")
            #expect(info.stdoutText.contains("Package: cccd-kiosk"))
            #expect(info.stdoutText.contains("Version: 1.2.3"))
            let depends = info.stdoutText.split(separator: "\n").first { $0.contains("Depends:") && !$0.contains("Pre-") } ?? ""
            for package in ["pcscd", "libpcsclite1", "libzbar0", "libssl3", "libusb-1.0-0", "libsqlite3-0",
                            "libpng16-16", "libturbojpeg0"] {
                #expect(depends.contains(" \(package)"), "Depends lacks \(package): \(depends)")
            }
            for script in ["postinst", "prerm", "postrm", "conffiles"] {
                #expect(info.stdoutText.contains(" \(script)"), "control archive lacks \(script)")
            }
            let contents = try await runProcess(Self.dpkgDeb, ["--contents", deb])
            try #require(contents.status == 0, "\(contents.stderrText)")
            // "-rw-r----- root/root 14 2026-… ./etc/cccdd/cccdd.toml" → path: (permissions, owner)
            var listed: [String: (String, String)] = [:]
            for line in contents.stdoutText.split(separator: "\n") {
                let fields = line.split(separator: " ", omittingEmptySubsequences: true)
                guard fields.count >= 6 else { continue }
                var path = String(fields[5])
                if path.hasPrefix("./") { path.removeFirst(2) }
                if path.hasSuffix("/") { path.removeLast() }
                listed[path] = (String(fields[0]), String(fields[1]))
            }
            let expected: [String: String] = [
                "usr/bin/cccdd": "-rwxr-xr-x", "usr/bin/cccdctl": "-rwxr-xr-x",
                "usr/lib/systemd/system/cccdd.service": "-rw-r--r--",
                "usr/lib/sysusers.d/cccdd.conf": "-rw-r--r--", "usr/lib/tmpfiles.d/cccdd.conf": "-rw-r--r--",
                "usr/lib/modules-load.d/cccdd.conf": "-rw-r--r--",
                "usr/lib/udev/rules.d/70-cccdd.rules": "-rw-r--r--",
                "usr/share/doc/cccd-kiosk/ADMIN.md": "-rw-r--r--",
                "etc/cccdd/cccdd.toml": "-rw-r-----", "etc/cccdd": "drwxr-x---", "etc/cccdd/secrets": "drwx------",
                "etc/cccdd/trust/csca": "drwxr-xr-x", "etc/cccdd/trust/masterlists": "drwxr-xr-x",
                "etc/cccdd/trust/crl": "drwxr-xr-x",
            ]
            for (path, permissions) in expected {
                #expect(listed[path]?.0 == permissions, "\(path): \(String(describing: listed[path]))")
                #expect(listed[path]?.1 == "root/root", "\(path) not owned by root: \(String(describing: listed[path]))")
            }
            #expect(listed.keys.allSatisfy { !$0.contains("bhxh-sim") && !$0.contains("cccd-vcard") })
            // Secrets are never packaged: tmpfiles creates them on the kiosk.
            #expect(listed.keys.allSatisfy { !$0.hasPrefix("etc/cccdd/secrets/") })

            // The maintainer scripts and conffiles, extracted by dpkg-deb itself.
            let control = folder.appendingPathComponent("control")
            let extract = try await runProcess(Self.dpkgDeb, ["--control", deb, control.path])
            try #require(extract.status == 0, "\(extract.stderrText)")
            let listedConffiles = try String(contentsOf: control.appendingPathComponent("conffiles"), encoding: .utf8)
            #expect(listedConffiles == "/etc/cccdd/cccdd.toml\n")
            let postinst = try String(contentsOf: control.appendingPathComponent("postinst"), encoding: .utf8)
            #expect(postinst.contains("systemd-sysusers cccdd.conf") && postinst.contains("systemd-tmpfiles --create cccdd.conf"))
            // udev and systemctl only on a running systemd.
            let guarded = try #require(postinst.range(of: "if [ -d /run/systemd/system ]"))
            let trigger = try #require(postinst.range(of: "udevadm trigger"))
            #expect(trigger.lowerBound > guarded.lowerBound)
            let syntax = try await runProcess(URL(fileURLWithPath: "/bin/sh"), ["-n", control.appendingPathComponent("postinst").path])
            #expect(syntax.status == 0, "\(syntax.stderrText)")
        }
    }
}
