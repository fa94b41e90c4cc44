import AsyncHTTPClient
import Eligibility
import EligibilityGateways
import KioskConfiguration
import Logging

/// The `[gateway]` section as a running adapter chain (``GatewayChain``).
enum GatewayAssembly {
    static func make(_ section: DaemonConfiguration.Gateway, secrets: ResolvedSecrets, httpClient: HTTPClient,
                     logger: Logger) -> any EligibilityGateway {
        var links: [GatewayChain.Link] = []
        for adapter in section.chain {
            switch adapter {
            case .bhxh:
                guard let password = secrets.bhxhPassword else { continue }
                let bhxh = section.bhxh
                let configuration = BHXHConfiguration(
                    baseURL: bhxh.baseURL, username: bhxh.username, password: password, staffName: bhxh.staffName,
                    staffID: bhxh.staffID, requestTimeout: bhxh.requestTimeout)
                links.append(.network(BHXHEgwGateway(configuration: configuration, httpClient: httpClient, logger: logger)))
            case .his:
                guard let his = section.his else { continue }
                var fields = AnswerFieldMapping()
                for (name, path) in his.fields {
                    if let keyPath = AnswerFieldMapping.path(named: name) { fields[keyPath: keyPath] = path }
                }
                var signing: RequestSigning?
                if let section = his.signing, let secret = secrets.hisSigningSecret {
                    signing = RequestSigning(merchantID: section.merchantID, secret: secret)
                }
                let configuration = HISProxyConfiguration(baseURL: his.baseURL, path: his.path, fields: fields, signing: signing,
                                                          requestTimeout: his.requestTimeout)
                links.append(.network(HISProxyGateway(configuration: configuration, httpClient: httpClient, logger: logger)))
            case .offline:
                links.append(.offline)
            }
        }
        let policy = CircuitBreaker.Policy(failureThreshold: section.failureThreshold, openDuration: section.openDuration)
        // The configuration guarantees a non-empty chain; offline is the safe answer regardless.
        return GatewayChain.make(links, breaker: policy, cacheWindow: section.cacheWindow) ?? OfflineGateway()
    }
}
