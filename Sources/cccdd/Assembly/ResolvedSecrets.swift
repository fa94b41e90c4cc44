import EligibilityGateways
import Foundation
import KioskConfiguration

/// The secrets the daemon runs with, fetched from systemd credentials or root-only files (never
/// from the main config), or invented by the demo.
struct ResolvedSecrets: Sendable {
    var bhxhPassword: Secret?
    var hisSigningSecret: Secret?
    /// The per-site key of the ledger's subject pseudonyms (HMAC-SHA256).
    var siteKey: Data

    /// Every secret the configuration at `configPath` needs; the problems name that file and the
    /// key that points at them.
    static func resolve(
        for configuration: DaemonConfiguration, from source: SecretSource, configPath: String
    ) throws(ConfigurationProblems) -> ResolvedSecrets {
        let fileName = URL(fileURLWithPath: configPath).lastPathComponent
        let problems = configuration.secretProblems(using: source)
        guard problems.isEmpty else { throw ConfigurationProblems(fileName: fileName, problems: problems) }
        do {
            let chain = configuration.gateway.chain
            let password = chain.contains(.bhxh) ? Secret(try source.resolve(configuration.gateway.bhxh.password).exposedValue) : nil
            var signing: Secret?
            if let section = configuration.gateway.his?.signing, chain.contains(.his) {
                signing = Secret(try source.resolve(section.secret).exposedValue)
            }
            let siteKey = try source.resolve(configuration.ledger.siteKey)
            return ResolvedSecrets(bhxhPassword: password, hisSigningSecret: signing, siteKey: Data(siteKey.exposedValue.utf8))
        } catch {
            throw ConfigurationProblems(fileName: fileName, problems: [error])
        }
    }
}
