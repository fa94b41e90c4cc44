import AsyncHTTPClient
import CardVerification
import ChipProtocol
import EligibilityGateways
import Foundation
import KioskConfiguration
import KioskHTTP
import KioskPipeline
import Ledger
import Logging
import Prometheus
import ServiceLifecycle
import SmartCardReader
import SystemdIntegration

/// One run of the daemon: assembles the pipeline from the configuration and runs every loop as a
/// service in one `ServiceGroup` until SIGTERM/SIGINT, then shuts down gracefully.
struct DaemonRuntime {
    static let version = "0.1.0"

    let options: DaemonOptions
    let configuration: DaemonConfiguration
    let secrets: ResolvedSecrets
    let metrics: PrometheusCollectorRegistry
    let logger: Logger

    func run() async -> Int32 {
        let notifier = ServiceNotifier(environment: ProcessInfo.processInfo.environment)
        let clock = FacilityClock(offsetSeconds: configuration.site.utcOffset.components.seconds)
        let ledger: Ledger
        let pseudonymizer: SubjectPseudonymizer
        do {
            let key = try DeviceKey(path: configuration.ledger.deviceKeyFile, create: true)
            ledger = try Ledger(path: configuration.ledger.path, signer: key, configuration: LedgerConfiguration(clock: clock))
            pseudonymizer = try SubjectPseudonymizer(secret: secrets.siteKey)
        } catch {
            logger.critical("cannot open the ledger", metadata: ["path": "\(configuration.ledger.path)", "error": "\(error)"])
            return DaemonExit.cannotCreate
        }
        let tokens: AccessTokens
        do {
            tokens = try AccessTokens.forThisBoot(path: configuration.http.tokenFile)
        } catch {
            logger.critical("cannot write the session token", metadata: ["path": "\(configuration.http.tokenFile)"])
            return DaemonExit.cannotCreate
        }
        let httpClient = HTTPClient.eligibilityClient()
        let demoSlot = options.demo?.slot
        let pcsc = demoSlot?.pcsc ?? PCSCService()
        let terminal: any ChipTerminal = demoSlot?.terminal ?? PCSCChipTerminal(service: pcsc)
        let recheck = configuration.recheck
        let rechecks = RecheckQueue(ledger: ledger, policy: RecheckPolicy(
            firstDelay: recheck.firstDelay, maximumDelay: recheck.maxDelay, maximumAttempts: recheck.maxAttempts))
        let assembly = ComponentsAssembly(terminal: terminal, ledger: ledger, rechecks: rechecks, httpClient: httpClient, logger: logger)
        let components: PipelineComponents
        do {
            components = try assembly.components(configuration, secrets: secrets, pseudonymizer: pseudonymizer)
        } catch {
            logger.critical("cannot set up certificate verification", metadata: ["code": "\(error.code)"])
            return DaemonExit.software
        }
        let bus = EventBus()
        let coordinator = PresentationCoordinator(
            settings: PipelineAssembly.settings(configuration, clock: clock), components: components, bus: bus,
            logger: Logger(label: "cccdd.pipeline"))
        let ledgerPath = configuration.ledger.path
        let board = StatusBoard(
            bus: bus, notifier: notifier, version: Self.version, demo: options.demo != nil,
            ledger: { (try? ledger.lastSequence()).map { StatusView.LedgerState(records: $0, path: ledgerPath) } },
            pendingRechecks: { (try? rechecks.count(in: .pending)) ?? 0 })
        let http = KioskHTTPServer(
            configuration: KioskHTTPConfiguration(
                host: configuration.http.host, port: options.port ?? configuration.http.port,
                allowedOrigins: configuration.http.allowedOrigins, allowNonLoopback: configuration.http.allowNonLoopback,
                unixSocketPath: configuration.http.socket),
            tokens: tokens, desk: DaemonDesk(coordinator: coordinator, board: board), bus: bus,
            demo: options.demo.map { DemoPresenter(cases: DemoCase.all, material: $0.material, slot: $0.slot,
                                                   simulator: $0.simulator, coordinator: coordinator) },
            metricsText: { [metrics] in metrics.emitToString() }, logger: Logger(label: "cccdd.http"))

        var services: [any Service] = []
        if demoSlot == nil || demoSlot?.pcsc != nil {
            services.append(ReaderWatchService(service: pcsc, readers: configuration.readers, coordinator: coordinator, board: board,
                                               logger: Logger(label: "cccdd.readers")))
        }
        if let demoSlot {
            if demoSlot.pcsc == nil {
                await coordinator.handle(.readersChanged([demoSlot.reader]))
                await board.reader(.readerAdded(demoSlot.reader))
            }
            await board.scanner("Demo scanner (virtual)", connected: true)
            logger.notice("demo cards go on \(demoSlot.pcsc == nil ? "an in-process reader" : "pcscd's vpcd reader")",
                          metadata: ["reader": "\(demoSlot.reader)"])
        } else {
            services.append(ScannerService(sources: ScannerService.sources(for: configuration.scanners),
                                           fleet: ScannerService.fleet(for: configuration.scanners),
                                           coordinator: coordinator, board: board, logger: Logger(label: "cccdd.scanners")))
        }
        services.append(BoardFollower(board: board, events: bus.subscribe()))
        services.append(RecheckService(queue: rechecks, coordinator: coordinator, board: board, interval: recheck.interval,
                                       logger: Logger(label: "cccdd.recheck")))
        services.append(LedgerUpkeepService(ledger: ledger, interval: configuration.ledger.checkpointInterval,
                                            retentionDays: configuration.ledger.retentionDays, logger: Logger(label: "cccdd.ledger")))
        services += http.services { port in
            if options.demo != nil {
                let line = "Kiosk: http://127.0.0.1:\(port)/?token=\(tokens.issueLoginToken())\n"
                FileHandle.standardOutput.write(Data(line.utf8))
            }
            logger.notice("listening", metadata: ["port": "\(port)"])
            notifier.ready(status: await board.view.summary)
        }
        services.append(WatchdogService(notifier: notifier, coordinator: coordinator, board: board))
        if let path = options.configPath {
            let reloader = Reloader(path: path, running: configuration, coordinator: coordinator, assembly: assembly,
                                    board: board, notifier: notifier, logger: logger)
            services.append(ReloadService { await reloader.reload() })
        }
        services.append(ShutdownNotice(notifier: notifier))

        let group = ServiceGroup(configuration: .init(
            services: services.map { .init(service: $0) }, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        var status: Int32 = 0
        do {
            try await group.run()
        } catch {
            logger.error("stopped on an error", metadata: ["error": "\(error)"])
            status = DaemonExit.software
        }
        await coordinator.shutdown()
        try? await httpClient.shutdown()
        logger.notice("stopped")
        return status
    }
}

/// Keeps the status board's gateway health current from the pipeline's results.
struct BoardFollower: Service {
    let board: StatusBoard
    let events: AsyncStream<KioskEvent>

    func run() async throws {
        await board.follow(events)
        // The bus finishes during shutdown, possibly before this service is told: wait to be told,
        // so the group does not take the early end for a failure.
        try? await gracefulShutdown()
    }
}
