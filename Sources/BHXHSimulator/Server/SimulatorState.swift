import Foundation

/// The simulator's mutable world: issued tokens, the request log, throttle windows, outages and a
/// clock that tests can move forward to expire tokens without waiting.
actor SimulatorState {
    struct IssuedToken: Sendable {
        var accessToken: String
        var idToken: String
        var username: String
        var expiresAt: Date
        var address: String?
    }

    enum Authorization: Sendable {
        case granted(username: String)
        case denied
    }

    let scenario: Scenario
    private var tokens: [String: IssuedToken] = [:]
    private var log: [RecordedRequest] = []
    private var recentChecks: [String: [Date]] = [:]
    private var forcedOutage = false
    private var clockOffset: TimeInterval = 0
    private(set) var faults = InjectedFaults()

    init(scenario: Scenario) {
        self.scenario = scenario
    }

    var now: Date { Date().addingTimeInterval(clockOffset) }

    // MARK: Request log

    func record(_ request: RecordedRequest) { log.append(request) }

    func requests() -> [RecordedRequest] { log }

    func clearRequests() { log.removeAll() }

    // MARK: Tokens

    /// Issues a token when `digest` is the MD5 (either case) of the account's password.
    func login(username: String, digest: String, address: String?) -> IssuedToken? {
        guard let account = scenario.accounts.first(where: { $0.username == username }),
              PasswordDigest.matches(digest, password: account.password)
        else { return nil }
        let token = IssuedToken(
            accessToken: Self.randomToken(), idToken: UUID().uuidString, username: username,
            expiresAt: now.addingTimeInterval(scenario.tokenLifetimeSeconds ?? 600), address: address)
        tokens[token.accessToken] = token
        return token
    }

    /// Checks the query-string credentials of a card check: token, id_token, username, password.
    func authorize(query: [String: String], address: String?) -> Authorization {
        guard let accessToken = query["token"], let token = tokens[accessToken],
              query["id_token"] == token.idToken, query["username"] == token.username,
              let account = scenario.accounts.first(where: { $0.username == token.username }),
              let digest = query["password"], PasswordDigest.matches(digest, password: account.password),
              token.expiresAt > now
        else { return .denied }
        if scenario.bindTokensToAddress == true, token.address != address { return .denied }
        return .granted(username: token.username)
    }

    func expireAllTokens() { tokens.removeAll() }

    func advanceClock(by seconds: TimeInterval) { clockOffset += seconds }

    // MARK: Throttling and outages

    /// Counts one card check for `username`; false once the per-minute allowance is used up.
    func admitCheck(for username: String) -> Bool {
        guard let limit = scenario.requestsPerMinutePerAccount else { return true }
        let instant = now
        var window = (recentChecks[username] ?? []).filter { instant.timeIntervalSince($0) < 60 }
        guard window.count < limit else {
            recentChecks[username] = window
            return false
        }
        window.append(instant)
        recentChecks[username] = window
        return true
    }

    func setOutage(_ on: Bool) { forcedOutage = on }

    func inject(_ faults: InjectedFaults) { self.faults = faults }

    var isInOutage: Bool {
        let instant = now
        return forcedOutage || (scenario.outages ?? []).contains { $0.from <= instant && instant < $0.until }
    }

    private static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        return String((0..<48).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
    }
}
