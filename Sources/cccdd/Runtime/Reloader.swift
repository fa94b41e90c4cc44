import KioskConfiguration
import KioskPipeline
import Ledger
import Logging
import SystemdIntegration

/// SIGHUP's work: `RELOADING=1`, read and validate the file, fetch its secrets, build new
/// components, swap them in; a configuration with any problem is rejected whole (every problem
/// logged with its line) and the running one stays. Then `READY=1` either way.
actor Reloader {
    let path: String
    private var running: DaemonConfiguration
    let coordinator: PresentationCoordinator
    let assembly: ComponentsAssembly
    let board: StatusBoard
    let notifier: ServiceNotifier
    let logger: Logger

    init(path: String, running: DaemonConfiguration, coordinator: PresentationCoordinator, assembly: ComponentsAssembly,
         board: StatusBoard, notifier: ServiceNotifier, logger: Logger) {
        self.path = path
        self.running = running
        self.coordinator = coordinator
        self.assembly = assembly
        self.board = board
        self.notifier = notifier
        self.logger = logger
    }

    func reload() async {
        notifier.reloading()
        defer { notifier.ready(status: "reloaded") }
        do {
            let next = try DaemonConfiguration.load(path: path)
            let secrets = try ResolvedSecrets.resolve(for: next, from: SecretSource(), configPath: path)
            let pseudonymizer = try SubjectPseudonymizer(secret: secrets.siteKey)
            let components = try assembly.components(next, secrets: secrets, pseudonymizer: pseudonymizer)
            let clock = FacilityClock(offsetSeconds: next.site.utcOffset.components.seconds)
            await coordinator.reconfigure(settings: PipelineAssembly.settings(next, clock: clock), components: components)
            for section in restartOnly(from: running, to: next) {
                logger.notice("changed setting needs a restart to apply", metadata: ["section": "\(section)"])
            }
            running = next
            logger.notice("configuration reloaded")
        } catch let problems as ConfigurationProblems {
            logger.error("configuration rejected; keeping the running one", metadata: ["problems": "\(problems.problems.count)"])
            for line in problems.rendered().split(separator: "\n") { logger.error("\(line)") }
            await board.note(code: "config.reloadRejected", message: "\(problems.problems.count) problems in \(path)")
        } catch {
            logger.error("configuration rejected; keeping the running one", metadata: ["error": "\(error)"])
            await board.note(code: "config.reloadRejected", message: "\(error)")
        }
    }

    /// Sections whose changes take effect only at the next start (devices, listeners, the ledger).
    private func restartOnly(from old: DaemonConfiguration, to new: DaemonConfiguration) -> [String] {
        var sections: [String] = []
        if old.scanners != new.scanners { sections.append("scanners") }
        if old.readers.include != new.readers.include || old.readers.exclude != new.readers.exclude { sections.append("readers") }
        if old.http != new.http { sections.append("http") }
        if old.ledger.path != new.ledger.path || old.ledger.deviceKeyFile != new.ledger.deviceKeyFile { sections.append("ledger") }
        if old.log != new.log { sections.append("log") }
        return sections
    }
}
