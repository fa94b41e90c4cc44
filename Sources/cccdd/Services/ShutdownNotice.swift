import ServiceLifecycle
import SystemdIntegration

/// Last in the group, so first to hear of shutdown: tells systemd `STOPPING=1` at once, before
/// the other services wind down.
struct ShutdownNotice: Service {
    let notifier: ServiceNotifier

    func run() async throws {
        try? await gracefulShutdown()
        notifier.stopping()
    }
}
