import Foundation
import Glibc
import Synchronization

/// A `pcscd --foreground` child: started, awaited on its socket, and stopped by its PID.
final class PCSCDaemon: Sendable {
    private let executable: URL
    private let logURL: URL
    private let child = Mutex<SpawnedProcess?>(nil)

    /// pcscd lives in /usr/sbin, which is not on every user's PATH.
    static var executable: URL? {
        let sbin = URL(fileURLWithPath: "/usr/sbin/pcscd")
        return which("pcscd") ?? (FileManager.default.isExecutableFile(atPath: sbin.path) ? sbin : nil)
    }

    init() throws {
        guard let executable = Self.executable else { throw ChildProcessError(description: "pcscd is not installed") }
        self.executable = executable
        logURL = FileManager.default.temporaryDirectory.appendingPathComponent("cccd-pcscd-\(UUID().uuidString).log")
    }

    deinit {
        try? FileManager.default.removeItem(at: logURL)
    }

    var pid: Int32? { child.withLock { $0?.pid } }

    var log: String { (try? String(contentsOf: logURL, encoding: .utf8)) ?? "" }

    /// Starts pcscd and waits (up to 10 s) until its socket accepts connections.
    func start() async throws {
        let polkit = await Self.supportsPolkitSwitch(executable) ? ["--disable-polkit"] : []
        let daemon = try SpawnedProcess(
            executable: executable.path, arguments: ["--foreground"] + polkit, logPath: logURL.path
        )
        child.withLock { $0 = daemon }
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            if Self.socketAccepts(PCSCRig.socketPath) { return }
            if daemon.reapIfExited() {
                child.withLock { $0 = nil }
                throw ChildProcessError(description: "pcscd exited at start: \(log)")
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        await stop()
        throw ChildProcessError(description: "pcscd did not open \(PCSCRig.socketPath) within 10 s")
    }

    /// SIGTERM, up to 3 s for a clean exit, then SIGKILL.
    func stop() async {
        await child.withLock({ $0.take() })?.stop()
    }

    /// SIGKILL without warning, as in a crash, then reaps it: a new pcscd refuses to start while
    /// the PID in /run/pcscd/pcscd.pid still exists, even as a zombie ("Another pcscd (pid: N)
    /// seems to be running"). It cleans up the stale socket itself once that PID is gone.
    func kill() async {
        guard let daemon = child.withLock({ $0.take() }) else { return }
        daemon.signal(SIGKILL)
        _ = await daemon.waitForExit(within: .seconds(5))
    }

    /// Debian 12's pcscd (1.9.9) has no polkit and no such switch; pcsc-lite ≥ 2.x builds have it.
    private static func supportsPolkitSwitch(_ executable: URL) async -> Bool {
        let help = try? await runProcess(executable, ["--help"], timeout: .seconds(5))
        return ((help?.stdoutText ?? "") + (help?.stderrText ?? "")).contains("--disable-polkit")
    }

    /// Whether something accepts connections on the Unix socket at `path`.
    static func socketAccepts(_ path: String) -> Bool {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { return false }
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            buffer.copyBytes(from: bytes)
        }
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) == 0
            }
        }
    }
}
