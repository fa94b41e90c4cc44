public import Foundation

/// How to reach and use a facility's BHXH egw account.
///
/// There is deliberately no default base URL: a kiosk must be pointed at production
/// (`https://egw.baohiemxahoi.gov.vn`), training or the simulator explicitly (spec §1).
public struct BHXHConfiguration: Sendable {
    public var baseURL: URL
    /// Usually `<maCSKCB>_BV` [C]; per-user accounts exist [R].
    public var username: String
    public var password: Secret
    /// The staff member every lookup names (`hoTenCb`, `cccdCb`); must be on the facility's
    /// registered user list or the gateway answers 054/055.
    public var staffName: String
    public var staffID: String
    /// Per card-check attempt, from sending the request to the last byte of the answer.
    public var requestTimeout: Duration
    /// Per login attempt. Logins are light and should be quick; a separate limit keeps a short
    /// card-check timeout from failing logins on a congested link.
    public var loginTimeout: Duration
    /// Refresh the token this long before its `expires_in` (spec §2: about 60 s).
    public var tokenRefreshMargin: Duration
    /// Used when `expires_in` cannot be read; BHXH issues about ten minutes.
    public var fallbackTokenLifetime: Duration
    /// Pause before the single retry of a transient failure.
    public var retryDelay: Duration

    public init(baseURL: URL, username: String, password: Secret, staffName: String, staffID: String,
                requestTimeout: Duration = .seconds(15), loginTimeout: Duration = .seconds(15), tokenRefreshMargin: Duration = .seconds(60),
                fallbackTokenLifetime: Duration = .seconds(300), retryDelay: Duration = .milliseconds(250)) {
        self.baseURL = baseURL
        self.username = username
        self.password = password
        self.staffName = staffName
        self.staffID = staffID
        self.requestTimeout = requestTimeout
        self.loginTimeout = loginTimeout
        self.tokenRefreshMargin = tokenRefreshMargin
        self.fallbackTokenLifetime = fallbackTokenLifetime
        self.retryDelay = retryDelay
    }

    /// The account password as the gateway wants it: MD5 hex, upper case per the guide [C/R].
    var passwordDigest: String { PasswordDigest.hex(password.exposedValue) }
}
