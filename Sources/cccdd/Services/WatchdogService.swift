import KioskPipeline
import ServiceLifecycle
import SystemdIntegration

/// Pings systemd's watchdog at half of `WATCHDOG_USEC`, but only after a round trip through the
/// pipeline and the status board: if either is wedged, the pings stop and systemd restarts the
/// daemon, which is the point of a watchdog.
struct WatchdogService: Service {
    let notifier: ServiceNotifier
    let coordinator: PresentationCoordinator
    let board: StatusBoard

    func run() async throws {
        guard let schedule = notifier.watchdog else {
            try? await gracefulShutdown()
            return
        }
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                _ = await coordinator.view
                _ = await board.view
                notifier.watchdogAlive()
                try? await Task.sleep(for: schedule.pingInterval)
            }
        }
    }
}
