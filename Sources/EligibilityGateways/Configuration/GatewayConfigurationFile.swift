public import AsyncHTTPClient
public import Eligibility
public import Foundation
public import Logging

/// The eligibility section of a kiosk's configuration, as JSON:
///
///     {
///       "chain": ["bhxh", "offline"],
///       "bhxh": { "baseURL": "https://egw.baohiemxahoi.gov.vn", "username": "01001_BV",
///                 "passwordFile": "/etc/cccdd/secrets/bhxh-password",
///                 "staffName": "…", "staffID": "…", "requestTimeoutSeconds": 15 },
///       "his": { "baseURL": "https://his.example", "path": "bhyt", "signing":
///                { "merchantID": "kiosk-01", "secretFile": "/etc/cccdd/secrets/his-secret" } },
///       "cacheWindowSeconds": 120,
///       "breaker": { "failureThreshold": 5, "openSeconds": 30 }
///     }
///
/// `chain` lists adapters in order (`bhxh`, `his`, `offline`): each later one answers only when the
/// earlier ones could not. Secrets live in their own root-only files, never in this file.
public struct GatewayConfigurationFile: Sendable, Decodable {
    public var chain: [String]?
    public var bhxh: BHXHSection?
    public var his: HISSection?
    public var cacheWindowSeconds: Double?
    public var breaker: BreakerSection?

    public init(chain: [String]? = nil, bhxh: BHXHSection? = nil, his: HISSection? = nil,
                cacheWindowSeconds: Double? = nil, breaker: BreakerSection? = nil) {
        self.chain = chain
        self.bhxh = bhxh
        self.his = his
        self.cacheWindowSeconds = cacheWindowSeconds
        self.breaker = breaker
    }

    public struct BHXHSection: Sendable, Decodable {
        public var baseURL: URL
        public var username: String
        public var passwordFile: String
        public var staffName: String
        public var staffID: String
        public var requestTimeoutSeconds: Double?

        public init(baseURL: URL, username: String, passwordFile: String, staffName: String, staffID: String,
                    requestTimeoutSeconds: Double? = nil) {
            self.baseURL = baseURL
            self.username = username
            self.passwordFile = passwordFile
            self.staffName = staffName
            self.staffID = staffID
            self.requestTimeoutSeconds = requestTimeoutSeconds
        }
    }

    public struct HISSection: Sendable, Decodable {
        public var baseURL: URL
        public var path: String?
        /// Dotted paths keyed by ``AnswerFieldMapping`` property name; absent ones keep BHXH's names.
        public var fields: [String: String]?
        public var signing: SigningSection?
        public var requestTimeoutSeconds: Double?
    }

    public struct SigningSection: Sendable, Decodable {
        public var merchantID: String
        public var secretFile: String
    }

    public struct BreakerSection: Sendable, Decodable {
        public var failureThreshold: Int?
        public var openSeconds: Double?
    }

    public static func load(from url: URL) throws(GatewayConfigurationError) -> GatewayConfigurationFile {
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw GatewayConfigurationError(.unreadable, diagnostic: url.path) }
        do {
            return try JSONDecoder().decode(GatewayConfigurationFile.self, from: data)
        } catch {
            throw GatewayConfigurationError(.invalid, diagnostic: "\(url.path): \(Self.describe(error))")
        }
    }

    /// The BHXH adapter's settings, with the password read from its file.
    public func bhxhConfiguration() throws(GatewayConfigurationError) -> BHXHConfiguration {
        guard let bhxh else { throw GatewayConfigurationError(.missingSection, diagnostic: "bhxh") }
        return BHXHConfiguration(
            baseURL: bhxh.baseURL, username: bhxh.username, password: try SecretFile.read(bhxh.passwordFile),
            staffName: bhxh.staffName, staffID: bhxh.staffID,
            requestTimeout: .seconds(bhxh.requestTimeoutSeconds ?? 15))
    }

    public func hisConfiguration() throws(GatewayConfigurationError) -> HISProxyConfiguration {
        guard let his else { throw GatewayConfigurationError(.missingSection, diagnostic: "his") }
        var fields = AnswerFieldMapping()
        for (name, path) in his.fields ?? [:] {
            guard let keyPath = AnswerFieldMapping.path(named: name) else {
                throw GatewayConfigurationError(.invalid, diagnostic: "his.fields.\(name)")
            }
            fields[keyPath: keyPath] = path
        }
        let signing = try his.signing.map { section throws(GatewayConfigurationError) in
            RequestSigning(merchantID: section.merchantID, secret: try SecretFile.read(section.secretFile))
        }
        return HISProxyConfiguration(baseURL: his.baseURL, path: his.path ?? "bhyt", fields: fields, signing: signing,
                                     requestTimeout: .seconds(his.requestTimeoutSeconds ?? 15))
    }

    /// The configured chain (see ``GatewayChain``).
    public func makeGateway(httpClient: HTTPClient, logger: Logger) throws(GatewayConfigurationError) -> any EligibilityGateway {
        let policy = CircuitBreaker.Policy(failureThreshold: breaker?.failureThreshold ?? 5,
                                           openDuration: .seconds(breaker?.openSeconds ?? 30))
        var links: [GatewayChain.Link] = []
        for name in chain ?? ["bhxh"] {
            switch name {
            case "bhxh":
                links.append(.network(BHXHEgwGateway(configuration: try bhxhConfiguration(), httpClient: httpClient, logger: logger)))
            case "his":
                links.append(.network(HISProxyGateway(configuration: try hisConfiguration(), httpClient: httpClient, logger: logger)))
            case "offline":
                links.append(.offline)
            default:
                throw GatewayConfigurationError(.unknownAdapter, diagnostic: name)
            }
        }
        guard let gateway = GatewayChain.make(links, breaker: policy, cacheWindow: .seconds(cacheWindowSeconds ?? 120)) else {
            throw GatewayConfigurationError(.missingSection, diagnostic: "chain")
        }
        return gateway
    }

    /// Which key was wrong, without quoting values (the file may sit next to secrets).
    private static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "not JSON" }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing \((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "bad value at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        @unknown default:
            return "invalid"
        }
    }
}
