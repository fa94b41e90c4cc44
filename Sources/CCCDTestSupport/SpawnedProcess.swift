import Foundation
import Glibc
import Synchronization

/// A long-running child (a daemon, a `--watch` command) started with `posix_spawn` and a clean
/// signal mask, stopped and reaped by its PID.
///
/// Foundation's `Process` on Linux spawns from whichever thread calls `run()`; on a dispatch or
/// cooperative-pool thread most signals are blocked, and the child inherits that mask — pcscd
/// started that way ignores SIGTERM (seen in /proc/PID/status SigBlk). A daemon must be stoppable,
/// so it is spawned here with an empty mask and default dispositions.
///
/// Once reaped, the PID may belong to another process: every signal after that is dropped.
public final class SpawnedProcess: Sendable {
    public let pid: Int32
    private let reaped = Mutex(false)
    private let status = Mutex<Int32?>(nil)

    /// Starts `executable` with `arguments`, stdout and stderr appended to `logPath`; `environment`
    /// is added to (and overrides) the test process's own.
    public init(executable: String, arguments: [String], logPath: String, environment: [String: String] = [:]) throws {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t(), allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, logPath, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let merged = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        var child = pid_t()
        let result = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        guard result == 0 else {
            throw ChildProcessError(description: "cannot start \(executable): error \(result)")
        }
        pid = child
    }

    /// Reaps the child if it has exited; `true` once it is gone.
    public func reapIfExited() -> Bool {
        reaped.withLock { reaped in
            if reaped { return true }
            var raw: Int32 = 0
            let result = waitpid(pid, &raw, WNOHANG)
            reaped = result == pid || (result < 0 && errno == ECHILD)
            if result == pid {
                // WIFEXITED → the exit status; killed by a signal → 128 + signal, as shells report it.
                let signal = raw & 0x7F
                status.withLock { $0 = signal == 0 ? (raw >> 8) & 0xFF : 128 + signal }
            }
            return reaped
        }
    }

    /// The exit status once reaped (128 + N when killed by signal N); nil while running.
    public var exitStatus: Int32? { status.withLock { $0 } }

    /// Sends `number` to the child unless it has already been reaped.
    public func signal(_ number: Int32) {
        reaped.withLock { reaped in
            if !reaped { kill(pid, number) }
        }
    }

    /// SIGTERM, up to `grace` for a clean exit, then SIGKILL; returns once the child is reaped.
    public func stop(grace: Duration = .seconds(3)) async {
        signal(SIGTERM)
        if await !waitForExit(within: grace) {
            signal(SIGKILL)
            _ = await waitForExit(within: .seconds(5))
        }
    }

    /// Polls until the child is reaped or `limit` passes.
    public func waitForExit(within limit: Duration) async -> Bool {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            if reapIfExited() { return true }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return reapIfExited()
    }
}
