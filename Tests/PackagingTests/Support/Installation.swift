import CCCDTestSupport
import Foundation
import Glibc

/// One `make install DESTDIR=… PREFIX=/usr` into a temporary root, run through the repository's own
/// Makefile exactly as an admin or the `.deb` build would.
///
/// The binaries come from the folder `BuiltProducts` locates (the products this test run was built
/// with), handed to make as `BIN=` so make never calls `swift` (which would wait for the build lock
/// `swift test` holds).
struct Installation {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    let folder: URL
    /// The DESTDIR: a file system root laid out as on the kiosk.
    var root: URL { folder.appendingPathComponent("root") }
    /// What make logged, for failure messages.
    var makeOutput: String = ""
    /// Set when `cccdd` was not built and `cccdctl` stands in for it (see `stageProducts`).
    var cccddIsStandIn = false

    /// Installs into `folder/root`. `target` may be `deb` (with `DEB_DIR=folder/deb`).
    static func make(in folder: URL, target: String = "install", extra: [String] = []) async throws -> Installation {
        var installation = Installation(folder: folder)
        let bin = try installation.stageProducts()
        let config = try defaultConfiguration(in: folder)
        let outcome = try await runProcess(
            URL(fileURLWithPath: "/usr/bin/make"),
            ["-C", repository.path, "--no-print-directory", target,
             "DESTDIR=\(installation.root.path)", "PREFIX=/usr", "BIN=\(bin.path)",
             "DEFAULT_CONFIG=\(config.path)", "DEB_DIR=\(folder.appendingPathComponent("deb").path)",
             "DEB_COMPRESSION=none"] + extra,
            timeout: .seconds(180))
        installation.makeOutput = outcome.stdoutText + outcome.stderrText
        guard outcome.status == 0 else {
            throw PackagingTestError(description: "make \(target) failed (\(outcome.status)):\n\(installation.makeOutput)")
        }
        return installation
    }

    /// A BIN folder of links to the built products. The daemon is written in parallel with this
    /// packaging: until `cccdd` is built, `cccdctl` stands in for it under that name, ONLY inside
    /// this temporary folder, so that the layout and the unit's ExecStart= can be checked. Said
    /// loudly on stdout.
    private mutating func stageProducts() throws -> URL {
        let bin = folder.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let cccdctl = BuiltProducts.executable("cccdctl")
        var cccdd = BuiltProducts.executable("cccdd")
        if !FileManager.default.isExecutableFile(atPath: cccdd.path) {
            print("NOTE: cccdd is not built in \(BuiltProducts.directory.path); cccdctl stands in for it in the temporary install")
            cccdd = cccdctl
            cccddIsStandIn = true
        }
        for (name, target) in [("cccdctl", cccdctl), ("cccdd", cccdd)] {
            let link = bin.appendingPathComponent(name)
            try? FileManager.default.removeItem(at: link)  // a second install into the same folder
            try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        }
        return bin
    }

    /// The repository's `Config/cccdd.toml`, or, while that file is not written yet, a placeholder in
    /// the temporary folder (the layout test does not read the configuration's contents).
    private static func defaultConfiguration(in folder: URL) throws -> URL {
        let shipped = repository.appendingPathComponent("Config/cccdd.toml")
        if FileManager.default.fileExists(atPath: shipped.path) { return shipped }
        print("NOTE: Config/cccdd.toml does not exist yet; installing a placeholder default configuration")
        let placeholder = folder.appendingPathComponent("cccdd.toml")
        try Data("# placeholder for Config/cccdd.toml\n".utf8).write(to: placeholder)
        return placeholder
    }

    func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// Permission bits and type of an installed path (lstat, so links are not followed).
    func mode(_ relative: String) -> (permissions: Int, type: mode_t)? {
        var info = stat()
        guard lstat(path(relative), &info) == 0 else { return nil }
        return (Int(info.st_mode & 0o7777), info.st_mode & S_IFMT)
    }

    func owner(_ relative: String) -> (uid: UInt32, gid: UInt32)? {
        var info = stat()
        guard lstat(path(relative), &info) == 0 else { return nil }
        return (info.st_uid, info.st_gid)
    }

    /// Gives the root the host's passwd/group (dialout, video) and the system units systemd-analyze
    /// needs to load a unit (sysinit.target, …), plus the `/bin/kill` of ExecReload=.
    func addHostBasics() throws {
        let fm = FileManager.default
        for file in ["passwd", "group"] {
            try? fm.removeItem(atPath: path("etc/\(file)"))
            try fm.copyItem(atPath: "/etc/\(file)", toPath: path("etc/\(file)"))
        }
        let units = try fm.contentsOfDirectory(atPath: "/usr/lib/systemd/system")
        for unit in units where !fm.fileExists(atPath: path("usr/lib/systemd/system/\(unit)")) {
            try fm.copyItem(atPath: "/usr/lib/systemd/system/\(unit)", toPath: path("usr/lib/systemd/system/\(unit)"))
        }
        // Debian 12 is usr-merged: /bin and /lib are links into /usr.
        for folder in ["bin", "lib"] where !fm.fileExists(atPath: path(folder)) {
            try fm.createSymbolicLink(atPath: path(folder), withDestinationPath: "usr/\(folder)")
        }
        try fm.copyItem(atPath: "/usr/bin/kill", toPath: path("usr/bin/kill"))
    }
}

/// A packaging step that could not run (make failed, a tool is missing), with what it printed.
struct PackagingTestError: Error, CustomStringConvertible {
    var description: String
}
