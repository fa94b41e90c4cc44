import Eligibility
import Foundation
import Logging

/// Holds the BHXH token and makes sure at most one login is in flight: lookups that find the token
/// missing or stale while a login is running wait for that login instead of starting their own
/// (BHXH throttles per account, and a burst of logins at token expiry is exactly when it hurts).
actor SessionKeeper {
    private let configuration: BHXHConfiguration
    private let exchange: GatewayExchange
    private let wallClock: WallClock
    private let logger: Logger
    private var current: GatewaySession?
    private var pendingLogin: Task<Result<GatewaySession, GatewayProblem>, Never>?

    init(configuration: BHXHConfiguration, exchange: GatewayExchange, wallClock: WallClock, logger: Logger) {
        self.configuration = configuration
        self.exchange = exchange
        self.wallClock = wallClock
        self.logger = logger
    }

    /// A usable session. Pass the session a request was just refused with to force a new login —
    /// unless another caller already replaced it, in which case the newer one is returned.
    func session(replacing refused: GatewaySession? = nil) async -> Result<GatewaySession, GatewayProblem> {
        if let refused, current == refused { current = nil }
        if let current, current.isUsable(at: wallClock(), margin: configuration.tokenRefreshMargin) {
            return .success(current)
        }
        if let pendingLogin { return await pendingLogin.value }
        let login = Task { await self.logIn() }
        pendingLogin = login
        let result = await login.value
        pendingLogin = nil
        if case .success(let session) = result { current = session }
        return result
    }

    /// `POST /api/token/take` with a form body; the password goes as its MD5.
    private func logIn() async -> Result<GatewaySession, GatewayProblem> {
        let form = "username=\(Self.formEncoded(configuration.username))&password=\(configuration.passwordDigest)"
        let url = configuration.baseURL.appendingPathComponent("api/token/take").absoluteString
        let reply = await exchange.send(
            .POST, url: url, headers: [("Content-Type", "application/x-www-form-urlencoded")], body: Data(form.utf8))
        switch reply {
        case .failure(let problem):
            logger.warning("BHXH login failed", metadata: ["problem": "\(problem.code)"])
            return .failure(problem)
        case .success(let reply):
            let result = Self.session(from: reply, fallbackLifetime: configuration.fallbackTokenLifetime, now: wallClock())
            if case .failure(let problem) = result {
                logger.warning("BHXH login refused", metadata: ["problem": "\(problem.code)", "httpStatus": "\(reply.status)"])
            } else {
                logger.info("BHXH login succeeded")
            }
            return result
        }
    }

    static func session(from reply: GatewayExchange.Reply, fallbackLifetime: Duration, now: Date) -> Result<GatewaySession, GatewayProblem> {
        switch reply.status {
        case 403: return .failure(GatewayProblem(.accessDenied, httpStatus: 403))
        case 404: return .failure(GatewayProblem(.notConfigured, httpStatus: 404))
        case 429: return .failure(GatewayProblem(.throttled, httpStatus: 429))
        case 408, 500...: return .failure(GatewayProblem(.httpStatus, httpStatus: reply.status))
        default: break
        }
        guard let answer = try? JSONDecoder().decode(LoginAnswer.self, from: reply.body) else {
            return .failure(GatewayProblem(.unreadableAnswer, httpStatus: reply.status))
        }
        guard answer.maKetQua?.text == "200", let key = answer.APIKey,
              let token = key.access_token, !token.isEmpty, let idToken = key.id_token
        else { return .failure(GatewayProblem(.loginRejected, httpStatus: reply.status)) }
        let expiry = key.expires_in.flatMap(ExpiryTime.parse).map {
            ExpiryTime.localExpiry(serverExpiry: $0, serverDate: reply.dateHeader.flatMap(HTTPDate.parse), localNow: now)
        } ?? now.addingTimeInterval(fallbackLifetime.seconds)
        return .success(GatewaySession(accessToken: token, idToken: idToken, username: key.username ?? "", expiresAt: expiry))
    }

    static func formEncoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .urlUnreservedCharacters) ?? text
    }
}

extension CharacterSet {
    /// RFC 3986 unreserved characters; everything else is percent-encoded in query values.
    static let urlUnreservedCharacters = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}
