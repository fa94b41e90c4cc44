public import AsyncHTTPClient
import CCCDIdentity
public import Eligibility
import Foundation
public import Logging

/// Eligibility through the facility's own HIS, which queries BHXH on the kiosk's behalf and
/// answers with BHXH's result codes (mapped by ``AnswerFieldMapping``). Same policy as the egw
/// adapter: one retry for a transient failure, one re-query with the new card on 003.
///
/// The query string carries the patient's identifier and date of birth, so the URL is never logged.
public struct HISProxyGateway: EligibilityGateway {
    public let name = "his-proxy"
    public let configuration: HISProxyConfiguration
    private let exchange: GatewayExchange
    private let resolver: AnswerResolver
    private let wallClock: WallClock
    private let logger: Logger

    public init(configuration: HISProxyConfiguration, httpClient: HTTPClient, judge: AnswerJudge = AnswerJudge(),
                wallClock: WallClock = .system, logger: Logger = Logger(label: "cccd.eligibility.his")) {
        self.configuration = configuration
        self.exchange = GatewayExchange(client: httpClient, timeout: configuration.requestTimeout)
        self.resolver = AnswerResolver(judge: judge, source: name)
        self.wallClock = wallClock
        self.logger = logger
    }

    public func lookUp(_ query: EligibilityQuery) async -> EligibilityResult {
        let started = ContinuousClock.now
        var result = await resolver.resolve(query) { code, isRequery in
            await ask(code: code, isCard: isRequery || !query.isByPersonalID, query)
        }
        result.latency = ContinuousClock.now - started
        GatewayLog.finished(result, logger: logger)
        return result
    }

    /// One question, retried once when the answer or the transport is transient.
    private func ask(code: String, isCard: Bool, _ query: EligibilityQuery) async -> (Result<GatewayAnswer, GatewayProblem>, calls: Int) {
        var calls = 0
        while true {
            calls += 1
            let reply = await fetch(code: code, isCard: isCard, query)
            let retryable: Bool = switch reply {
            case .success(let answer): resolver.isTransient(answer)
            case .failure(let problem): !problem.needsConfiguration && problem.kind != .cancelled
            }
            guard retryable, calls == 1, !Task.isCancelled else { return (reply, calls) }
            try? await Task.sleep(for: configuration.retryDelay)
        }
    }

    private func fetch(code: String, isCard: Bool, _ query: EligibilityQuery) async -> Result<GatewayAnswer, GatewayProblem> {
        let names = configuration.parameters
        var items = [(names.identifier, code), (names.identifierType, isCard ? names.cardType : names.personalIDType),
                     (names.birthDate, Self.format(query.birthDate, names.birthDateFormat))]
        if let nameParameter = names.fullName { items.append((nameParameter, query.fullName)) }
        let encode = { (text: String) in text.addingPercentEncoding(withAllowedCharacters: .urlUnreservedCharacters) ?? text }
        let queryString = items.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&")
        let url = configuration.baseURL.appendingPathComponent(configuration.path)
        var headers = [("Accept", "application/json")]
        if let signing = configuration.signing {
            let path = url.path.hasPrefix("/") ? url.path : "/" + url.path
            headers += RequestSigner.headers(signing, timestamp: Int(wallClock().timeIntervalSince1970),
                                             method: "GET", path: path, query: queryString)
        }
        switch await exchange.send(.GET, url: url.absoluteString + "?" + queryString, headers: headers) {
        case .failure(let problem):
            return .failure(problem)
        case .success(let reply):
            switch reply.status {
            case 401: return .failure(GatewayProblem(.loginRejected, httpStatus: reply.status))
            case 403: return .failure(GatewayProblem(.accessDenied, httpStatus: reply.status))
            case 404: return .failure(GatewayProblem(.notConfigured, httpStatus: reply.status))
            case 429: return .failure(GatewayProblem(.throttled, httpStatus: reply.status))
            case 200..<300: break
            // Any other status, even with a parsable body, is the path being unwell, not an answer.
            default: return .failure(GatewayProblem(.httpStatus, httpStatus: reply.status))
            }
            guard let answer = AnswerReader.read(reply.body, mapping: configuration.fields) else {
                return .failure(GatewayProblem(.unreadableAnswer, httpStatus: reply.status))
            }
            return .success(answer)
        }
    }

    static func format(_ birth: BHYTBirthDate, _ format: HISProxyConfiguration.BirthDateFormat) -> String {
        guard case .date(let date) = birth else { return birth.gatewayText }
        switch format {
        case .slashedDMY: return date.slashedDMY
        case .iso8601: return date.iso8601
        case .compactYMD: return date.iso8601.replacingOccurrences(of: "-", with: "")
        }
    }
}

extension EligibilityQuery {
    var isByPersonalID: Bool {
        if case .personalID = subject { return true }
        return false
    }
}
