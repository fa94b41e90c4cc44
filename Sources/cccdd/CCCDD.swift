import ArgumentParser
import CCCDIdentity
import Foundation
import KioskConfiguration
import Logging
import Metrics
import Prometheus
import SystemdIntegration

/// `cccdd`: the reception kiosk daemon (see the README's admin section).
@main
struct CCCDD: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cccdd",
        abstract: "The CCCD reception kiosk daemon: QR + chip → verification → BHYT lookup → ledger → kiosk page.",
        discussion: """
            Exit statuses: 0 stopped cleanly; 78 the configuration (or a secret it names) is invalid, \
            every problem printed with its line; 73 the ledger or the token file cannot be created; \
            69 the demo's material is missing (run `make demo`); 70 an unexpected failure.
            """,
        version: DaemonRuntime.version
    )

    @Option(help: ArgumentHelp("The configuration file.", valueName: "FILE"))
    var config = DaemonConfiguration.defaultPath

    @Flag(help: "Validate the configuration and its secrets, print every problem with its line, and exit (0 valid, 78 not).")
    var checkConfig = false

    @Flag(help: "Run the built-in demo: no hardware, no network (the BHXH simulator, virtual cards, a temporary ledger).")
    var demo = false

    @Option(help: ArgumentHelp("Listen on this port instead of the configured one (0: any free port).", valueName: "PORT"))
    var port: Int?

    @Option(help: ArgumentHelp("The demo's virtual cards and test CSCAs, made by scripts/make-vcard-keys.sh.", valueName: "DIR"))
    var demoMaterial = ".build/vcard"

    @Option(help: ArgumentHelp("The demo's BHXH simulator scenario.", valueName: "FILE"))
    var demoScenario = "Samples/bhxh-sim/demo-scenario.json"

    @Option(help: ArgumentHelp(
        "Where the demo's cards go: pcscd's vpcd reader when there is a free one (auto), only there (vpcd), or a reader in this process (in-process).",
        valueName: "auto|vpcd|in-process"))
    var demoReader: DemoSetup.ReaderChoice = .auto

    func validate() throws {
        if let port, !(0...65535).contains(port) { throw ValidationError("--port must be 0…65535") }
        if demo && checkConfig { throw ValidationError("--demo and --check-config exclude each other") }
    }

    func run() async throws {
        if checkConfig { throw ExitCode(CheckConfig.run(path: config)) }
        let environment = ProcessInfo.processInfo.environment
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        if demo {
            JournalLogHandler.bootstrap(identifier: "cccdd", level: .notice, environment: environment)
            throw ExitCode(await runDemo(registry: registry))
        }
        let configuration: DaemonConfiguration
        let secrets: ResolvedSecrets
        do {
            configuration = try DaemonConfiguration.load(path: config)
            secrets = try ResolvedSecrets.resolve(for: configuration, from: SecretSource(environment: environment), configPath: config)
        } catch {
            StandardError.write(error.rendered())
            throw ExitCode(DaemonExit.configuration)
        }
        JournalLogHandler.bootstrap(identifier: "cccdd", level: configuration.log.level.loggerLevel, environment: environment)
        let runtime = DaemonRuntime(options: DaemonOptions(configPath: config, demo: nil, port: port), configuration: configuration,
                                    secrets: secrets, metrics: registry, logger: Logger(label: "cccdd"))
        throw ExitCode(await runtime.run())
    }

    private func runDemo(registry: PrometheusCollectorRegistry) async -> Int32 {
        let material = URL(fileURLWithPath: demoMaterial, isDirectory: true)
        guard FileManager.default.fileExists(atPath: material.appendingPathComponent("pki/csca-brainpool.pem").path) else {
            StandardError.write("cccdd --demo: no virtual-card material in \(material.path); run `make demo` (it makes it with scripts/make-vcard-keys.sh)\n")
            return DaemonExit.unavailable
        }
        let setup: DemoSetup, configuration: DaemonConfiguration, secrets: ResolvedSecrets
        do {
            (setup, configuration, secrets) = try await DemoSetup.start(
                material: material, scenario: URL(fileURLWithPath: demoScenario), reader: demoReader)
        } catch {
            StandardError.write("cccdd --demo: cannot start: \(error)\n")
            return DaemonExit.unavailable
        }
        let runtime = DaemonRuntime(options: DaemonOptions(configPath: nil, demo: setup, port: port ?? 7480), configuration: configuration,
                                    secrets: secrets, metrics: registry, logger: Logger(label: "cccdd"))
        let status = await runtime.run()
        await setup.stop()
        return status
    }
}

extension DaemonConfiguration.Log.Level {
    var loggerLevel: Logger.Level { Logger.Level(rawValue: rawValue) ?? .info }
}

enum StandardError {
    static func write(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }
}

extension DemoSetup.ReaderChoice: ExpressibleByArgument {}
