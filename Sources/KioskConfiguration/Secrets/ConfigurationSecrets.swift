extension DaemonConfiguration {
    /// The secrets this configuration needs: the BHXH password and the HIS signing secret only
    /// when their adapter is in the chain, the ledger's site key always.
    public var neededSecrets: [SecretReference] {
        var references: [SecretReference] = []
        if gateway.chain.contains(.bhxh) { references.append(gateway.bhxh.password) }
        if gateway.chain.contains(.his), let signing = gateway.his?.signing { references.append(signing.secret) }
        references.append(ledger.siteKey)
        return references
    }

    /// Fetches every needed secret and returns what could not be fetched (never the secrets), so
    /// startup and `--check-config` can report all of them together with the file's problems.
    public func secretProblems(using source: SecretSource) -> [ConfigurationProblem] {
        neededSecrets.compactMap { (reference) -> ConfigurationProblem? in
            do throws(ConfigurationProblem) {
                _ = try source.resolve(reference)
                return nil
            } catch {
                return error
            }
        }
    }
}
