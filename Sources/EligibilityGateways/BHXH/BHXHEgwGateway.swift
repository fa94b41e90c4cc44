public import AsyncHTTPClient
import CCCDIdentity
public import Eligibility
import Foundation
public import Logging

/// The BHXH egw adapter: `KQNhanLichSuKCB2024` with the token flow of spec §2–§4.
///
/// Per lookup: a usable token (one login in flight for all callers), the card check, one forced
/// re-login and retry on 401, one retry for a transient failure, and one re-query with `maTheMoi`
/// on 003. Wrap it in ``CircuitBreakingGateway`` and ``CachingGateway`` (see ``GatewayStack/resilient(_:breaker:cache:)``)
/// for fail-fast and the anti-throttling answer cache.
///
/// Secrets: the token, id_token and password digest travel in the query string, so URLs are
/// never logged or put in errors; log lines carry only result codes, classes, counts and timings.
public struct BHXHEgwGateway: EligibilityGateway {
    public let name = "bhxh-egw"
    public let configuration: BHXHConfiguration
    let exchange: GatewayExchange
    let sessions: SessionKeeper
    /// `…/KQNhanLichSuKCB2024?` and the constant tail of the query, built once per gateway.
    private let cardCheckPrefix: String
    private let credentialSuffix: String
    private let judge: AnswerJudge
    private let logger: Logger

    public init(configuration: BHXHConfiguration, httpClient: HTTPClient, judge: AnswerJudge = AnswerJudge(),
                wallClock: WallClock = .system, logger: Logger = Logger(label: "cccd.eligibility.bhxh")) {
        self.configuration = configuration
        self.exchange = GatewayExchange(client: httpClient, timeout: configuration.requestTimeout)
        self.sessions = SessionKeeper(
            configuration: configuration, exchange: GatewayExchange(client: httpClient, timeout: configuration.loginTimeout),
            wallClock: wallClock, logger: logger)
        self.cardCheckPrefix = configuration.baseURL.appendingPathComponent("api/egw/KQNhanLichSuKCB2024").absoluteString + "?"
        self.credentialSuffix = "&username=\(SessionKeeper.formEncoded(configuration.username))&password=\(configuration.passwordDigest)"
        self.judge = judge
        self.logger = logger
    }

    public func lookUp(_ query: EligibilityQuery) async -> EligibilityResult {
        let started = ContinuousClock.now
        let resolver = AnswerResolver(judge: judge, source: name)
        var result = await resolver.resolve(query) { code, _ in
            var calls = 0
            let reply = await ask(code, query, calls: &calls)
            return (reply, calls)
        }
        result.latency = ContinuousClock.now - started
        GatewayLog.finished(result, logger: logger)
        return result
    }

    /// One card check with the retry policy: one re-login on 401, one retry on a transient failure.
    private func ask(_ code: String, _ query: EligibilityQuery, calls: inout Int) async -> Result<GatewayAnswer, GatewayProblem> {
        var refused: GatewaySession?
        var retriedTransient = false
        while true {
            if Task.isCancelled { return .failure(GatewayProblem(.cancelled)) }
            let session: GatewaySession
            switch await sessions.session(replacing: refused) {
            case .success(let fresh):
                session = fresh
            case .failure(let problem):
                // A login that failed for transport reasons gets the same single retry as a check.
                guard !retriedTransient, !problem.needsConfiguration, problem.kind != .cancelled else { return .failure(problem) }
                retriedTransient = true
                try? await Task.sleep(for: configuration.retryDelay)
                continue
            }
            calls += 1
            let attempt = await checkCard(code, query, session: session)
            switch attempt {
            case .unauthorized(let answer):
                guard refused == nil else { return .success(answer) }
                refused = session
            case .answer(let answer):
                switch judge.table.rule(for: answer.resultCode).disposition {
                case .reauthenticate:
                    guard refused == nil else { return .success(answer) }
                    refused = session
                case .classify(.transient) where !retriedTransient:
                    retriedTransient = true
                    try? await Task.sleep(for: configuration.retryDelay)
                default:
                    return .success(answer)
                }
            case .problem(let problem):
                guard !retriedTransient, !problem.needsConfiguration, problem.kind != .cancelled else { return .failure(problem) }
                retriedTransient = true
                try? await Task.sleep(for: configuration.retryDelay)
            }
        }
    }

    private enum Attempt {
        case answer(GatewayAnswer)
        /// HTTP 401; the body's answer if it had one.
        case unauthorized(GatewayAnswer)
        case problem(GatewayProblem)
    }

    private func checkCard(_ code: String, _ query: EligibilityQuery, session: GatewaySession) async -> Attempt {
        let body = CardCheckBody(maThe: code, hoTen: query.fullName, ngaySinh: query.birthDate.gatewayText,
                                 hoTenCb: configuration.staffName, cccdCb: configuration.staffID)
        guard let bodyData = try? JSONEncoder().encode(body) else { return .problem(GatewayProblem(.unreadableAnswer)) }
        let reply = await exchange.send(
            .POST, url: cardCheckURL(session), headers: [("Content-Type", "application/json; charset=utf-8")], body: bodyData)
        switch reply {
        case .failure(let problem):
            return .problem(problem)
        case .success(let reply):
            let answer = AnswerReader.read(reply.body, mapping: AnswerFieldMapping())
            if reply.status == 401 {
                return .unauthorized(GatewayAnswer(resultCode: "401", note: answer?.note, card: nil))
            }
            switch reply.status {
            case 403: return .problem(GatewayProblem(.accessDenied, httpStatus: 403))
            case 404: return .problem(GatewayProblem(.notConfigured, httpStatus: 404))
            case 429: return .problem(GatewayProblem(.throttled, httpStatus: 429))
            default: break
            }
            guard (200..<300).contains(reply.status), let answer else {
                // The gateway answers 200 with the outcome in maKetQua; proxies answer HTML on 5xx [C].
                // Any other status, even with a parsable body, is the path being unwell, not an answer.
                return .problem(GatewayProblem(reply.status >= 300 ? .httpStatus : .unreadableAnswer, httpStatus: reply.status))
            }
            return .answer(answer)
        }
    }

    /// `…/api/egw/KQNhanLichSuKCB2024?token=…&id_token=…&username=…&password=…` — secret; never log.
    func cardCheckURL(_ session: GatewaySession) -> String {
        cardCheckPrefix + "token=\(session.encodedAccessToken)&id_token=\(session.encodedIDToken)" + credentialSuffix
    }
}
