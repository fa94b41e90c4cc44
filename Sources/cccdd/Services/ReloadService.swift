import ServiceLifecycle
import UnixSignals

/// SIGHUP: re-read the configuration; a bad one is rejected with every problem logged and the
/// running one kept (systemd's `ExecReload=kill -HUP` contract).
struct ReloadService: Service {
    let reload: @Sendable () async -> Void

    func run() async throws {
        let hangups = await UnixSignalsSequence(trapping: .sighup)
        await cancelWhenGracefulShutdown {
            for await _ in hangups {
                await reload()
            }
        }
    }
}
