public import Hummingbird
public import KioskPipeline
public import Logging
public import ServiceLifecycle
#if canImport(Glibc)
import Glibc
#endif

/// The kiosk's HTTP side as services for the daemon's `ServiceGroup`: the guarded TCP listener
/// (page + API), the Unix-socket listener for `cccdctl` (file permissions are its guard: read-only
/// status routes, no personal data), and the closer that ends SSE streams first on shutdown.
public struct KioskHTTPServer: Sendable {
    public let configuration: KioskHTTPConfiguration
    public let tokens: AccessTokens
    public let policy: OriginPolicy
    let desk: any KioskDesk
    let bus: EventBus
    let demo: (any DemoControl)?
    let metricsText: @Sendable () -> String
    let logger: Logger

    public init(configuration: KioskHTTPConfiguration, tokens: AccessTokens, desk: any KioskDesk, bus: EventBus,
                demo: (any DemoControl)?, metricsText: @escaping @Sendable () -> String, logger: Logger) {
        self.configuration = configuration
        self.tokens = tokens
        self.policy = OriginPolicy(configuredHost: configuration.host, allowedOrigins: configuration.allowedOrigins)
        self.desk = desk
        self.bus = bus
        self.demo = demo
        self.metricsText = metricsText
        self.logger = logger
    }

    /// The services, in start order; `onListening` receives the bound TCP port.
    public func services(onListening: @escaping @Sendable (Int) async -> Void) -> [any Service] {
        let policy = policy
        let tcp = Application(
            router: router(),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "cccdd"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                policy.bind(port: port)
                await onListening(port)
            },
            logger: logger
        )
        var services: [any Service] = [tcp]
        if let path = configuration.unixSocketPath {
            let local = Router(context: BasicRequestContext.self)
            local.get("api/v1/status") { _, _ in JSONBody.response(await desk.status()) }
            local.get("healthz") { _, _ in Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "ok\n"))) }
            registerMetrics(on: local)
            // A socket left by a killed predecessor would make the bind fail.
            unlink(path)
            services.append(Application(
                router: local, configuration: .init(address: .unixDomainSocket(path: path), serverName: "cccdd"),
                onServerRunning: { _ in chmod(path, 0o660) }, logger: logger))
        }
        services.append(EventStreamCloser(bus: bus))
        return services
    }

    /// What the TCP listener serves, every request through ``LoopbackGuard`` first: the page and
    /// the API. Public so that the fuzz harness drives exactly this router in memory.
    public func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: LoopbackGuard(policy: policy, tokens: tokens, logger: logger))
        PageRoutes(tokens: tokens).register(on: router)
        KioskAPI(desk: desk, bus: bus, demo: demo).register(on: router)
        registerMetrics(on: router)
        return router
    }

    private func registerMetrics(on router: Router<BasicRequestContext>) {
        let text = metricsText
        router.get("metrics") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(string: text())))
        }
    }
}

/// Last in the group, so first to hear of shutdown: finishing the bus ends every SSE response,
/// and the HTTP servers can then close without waiting on connected pages.
struct EventStreamCloser: Service {
    let bus: EventBus

    func run() async throws {
        try? await gracefulShutdown()
        bus.finish()
    }
}
