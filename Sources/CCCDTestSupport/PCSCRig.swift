import Foundation
import Glibc

/// The PC/SC test rig: a real `pcscd` with Debian's `vsmartcard-vpcd` driver, so virtual cards
/// appear as "Virtual PCD 00 00" (TCP 35963) and "Virtual PCD 00 01" (TCP 35964).
///
/// One pcscd serves a machine and vpcd's ports are fixed by its reader.conf, so every test that
/// uses the rig runs inside ``withRig(_:)``, which holds a machine-wide lock (an `flock` on a file
/// in /tmp): suites in this process and test runs in other worktrees take turns.
///
/// If a pcscd already answers on its socket (a system service, or systemd's `pcscd.socket`
/// starting one on demand) the rig uses it and never starts a second. Otherwise it starts
/// `pcscd --foreground` itself (never `--auto-exit`) and stops it when the body returns or
/// throws — by the PID it started, SIGTERM then SIGKILL — so no process is left behind.
///
/// vpcd binds 0.0.0.0: on a shared network run these tests in a network namespace (e.g.
/// `unshare -n`); this sandbox's network is private, and tests only ever connect to 127.0.0.1.
public final class PCSCRig: Sendable {
    public static let socketPath = "/run/pcscd/pcscd.comm"
    public static let firstReaderName = "Virtual PCD 00 00"
    public static let secondReaderName = "Virtual PCD 00 01"
    static let driverConfiguration = "/etc/reader.conf.d/vpcd"
    static let lockPath = "/tmp/cccd-pcsc-rig.lock"

    /// Whether the rig can run: pcscd and the vpcd driver installed, and either a pcscd already
    /// answering or the right to start one (root: it creates /run/pcscd). Prints a SKIPPED line
    /// with the reason when not.
    public static var isAvailable: Bool {
        guard PCSCDaemon.executable != nil, FileManager.default.fileExists(atPath: driverConfiguration) else {
            print("SKIPPED: pcscd or vsmartcard-vpcd is not installed; run `make test-deps` (TEST_DEBS)")
            return false
        }
        guard geteuid() == 0 || PCSCDaemon.socketAccepts(socketPath) else {
            print("SKIPPED: no pcscd is running and starting one needs root (it creates /run/pcscd)")
            return false
        }
        return true
    }

    private let daemon: PCSCDaemon?

    /// Whether this rig started pcscd (and may therefore kill and restart it).
    public var ownsService: Bool { daemon != nil }

    private init(daemon: PCSCDaemon?) {
        self.daemon = daemon
    }

    /// Runs `body` with the rig up, holding the machine-wide rig lock throughout.
    public static func withRig<T>(_ body: (PCSCRig) async throws -> T) async throws -> T {
        let lock = try await RigLock.acquire(path: lockPath)
        defer { lock.release() }
        if PCSCDaemon.socketAccepts(socketPath) {
            return try await body(PCSCRig(daemon: nil))
        }
        let daemon = try PCSCDaemon()
        let rig = PCSCRig(daemon: daemon)
        do {
            try await daemon.start()
            let result = try await body(rig)
            await daemon.stop()
            return result
        } catch {
            await daemon.stop()
            throw error
        }
    }

    /// The PID of the pcscd this rig started (nil for a system pcscd, or between a kill and a
    /// start): the soak run's interrupt handler kills it by that PID when it cannot unwind.
    public var servicePID: Int32? { daemon?.pid }

    /// Simulates a pcscd crash: SIGKILL, then waits until it is gone. Only on a rig that started it.
    public func killService() async throws {
        guard let daemon else { throw ChildProcessError(description: "pcscd belongs to the system; not killing it") }
        await daemon.kill()
    }

    /// Starts pcscd again after ``killService()``.
    public func startService() async throws {
        guard let daemon else { throw ChildProcessError(description: "pcscd belongs to the system") }
        try await daemon.start()
    }

    /// pcscd's output so far (foreground logs), for failure diagnostics.
    public var serviceLog: String { daemon?.log ?? "" }
}
