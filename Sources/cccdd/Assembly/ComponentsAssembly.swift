import AsyncHTTPClient
import CardVerification
import ChipProtocol
import KioskConfiguration
import KioskPipeline
import Ledger
import Logging

/// Builds the pipeline's replaceable components from a configuration: at start, and again on
/// every SIGHUP (new gateway chain, new trust snapshot, new verification policy). The terminal,
/// the ledger and the HTTP client live for the whole run.
struct ComponentsAssembly: Sendable {
    let terminal: any ChipTerminal
    let ledger: Ledger
    let rechecks: RecheckQueue
    let httpClient: HTTPClient
    let logger: Logger

    func components(_ configuration: DaemonConfiguration, secrets: ResolvedSecrets,
                    pseudonymizer: SubjectPseudonymizer) throws(TrustStoreError) -> PipelineComponents {
        let trust: TrustSnapshot
        do {
            trust = try PipelineAssembly.trust(configuration.verification)
        } catch {
            // No trust store is a normal first state (Vietnam's CSCA not loaded yet): cards then
            // verify as "authentic, unchained" at best, never as chained.
            logger.warning("trust store not loaded", metadata: ["code": "\(error.code)"])
            trust = try TrustSnapshot.empty()
        }
        return PipelineComponents(
            terminal: terminal, verify: PipelineAssembly.verifier(configuration.verification, trust: trust),
            gateway: GatewayAssembly.make(configuration.gateway, secrets: secrets, httpClient: httpClient, logger: logger),
            recorder: LedgerRecorder(ledger: ledger, pseudonymizer: pseudonymizer), rechecks: rechecks)
    }
}
