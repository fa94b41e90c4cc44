public import Foundation

/// Everything a simulator run is scripted with, read from a JSON file (see
/// `Samples/bhxh-sim/demo-scenario.json`). Every field but `accounts`, `staff` and `cards` is optional.
public struct Scenario: Sendable, Codable, Hashable {
    public var accounts: [Account]
    /// Staff members registered for the facility; lookups naming anyone else get 054/055.
    public var staff: [StaffMember]
    public var cards: [ScenarioCard]
    /// Token lifetime; BHXH issues about ten minutes (spec §2).
    public var tokenLifetimeSeconds: Double?
    /// Tokens only work from the address that logged in, as on the real gateway [C].
    public var bindTokensToAddress: Bool?
    /// How an authentication failure on a card check is reported (`body`: HTTP 200 with
    /// `maKetQua` 401; `status`: HTTP 401). Real behaviour unknown [?], so both are scriptable.
    public var authFailureStyle: AuthFailureStyle?
    public var latency: Latency?
    /// Card checks allowed per account per minute before throttling answers HTTP 429.
    public var requestsPerMinutePerAccount: Int?
    /// Absolute UTC windows during which every endpoint answers HTTP 502 with an HTML page.
    public var outages: [Outage]?
    /// Source addresses registered with BHXH (spec §1, since 27/07/2024); others get HTTP 403.
    /// Absent: every address is accepted.
    public var registeredAddresses: [String]?
    /// The facility HIS endpoint (`GET /bhyt`) the simulator also plays; see ``HISProxy``.
    public var hisProxy: HISProxy?

    public init(accounts: [Account], staff: [StaffMember], cards: [ScenarioCard],
                tokenLifetimeSeconds: Double? = nil, bindTokensToAddress: Bool? = nil,
                authFailureStyle: AuthFailureStyle? = nil, latency: Latency? = nil,
                requestsPerMinutePerAccount: Int? = nil, outages: [Outage]? = nil, hisProxy: HISProxy? = nil) {
        self.accounts = accounts
        self.staff = staff
        self.cards = cards
        self.tokenLifetimeSeconds = tokenLifetimeSeconds
        self.bindTokensToAddress = bindTokensToAddress
        self.authFailureStyle = authFailureStyle
        self.latency = latency
        self.requestsPerMinutePerAccount = requestsPerMinutePerAccount
        self.outages = outages
        self.hisProxy = hisProxy
    }

    /// Reads a scenario file, reporting which part of it is wrong.
    public static func load(from url: URL) throws -> Scenario {
        let data = try Data(contentsOf: url)
        return try JSONDecoder().decode(Scenario.self, from: data)
    }

    public struct Account: Sendable, Codable, Hashable {
        public var username: String
        /// The plain password; the gateway compares the MD5 the client sends against it.
        public var password: String

        public init(username: String, password: String) {
            self.username = username
            self.password = password
        }
    }

    public struct StaffMember: Sendable, Codable, Hashable {
        public var name: String
        public var cccd: String

        public init(name: String, cccd: String) {
            self.name = name
            self.cccd = cccd
        }
    }

    public enum AuthFailureStyle: String, Sendable, Codable, Hashable {
        case body
        case status
    }

    public struct Latency: Sendable, Codable, Hashable {
        public var milliseconds: Int
        public var jitterMilliseconds: Int?

        public init(milliseconds: Int, jitterMilliseconds: Int? = nil) {
            self.milliseconds = milliseconds
            self.jitterMilliseconds = jitterMilliseconds
        }
    }

    public struct Outage: Sendable, Codable, Hashable {
        public var from: Date
        public var until: Date

        public init(from: Date, until: Date) {
            self.from = from
            self.until = until
        }
    }

    /// A facility HIS in front of the gateway, answering `GET /bhyt?SO_GTTT=…&LOAI_GTTT=…&NGAY_SINH=…`.
    public struct HISProxy: Sendable, Codable, Hashable {
        /// When present, requests must carry a valid `x-merchant-id`/`x-timestamp`/`x-sign`.
        public var merchants: [Merchant]?

        public init(merchants: [Merchant]? = nil) {
            self.merchants = merchants
        }

        public struct Merchant: Sendable, Codable, Hashable {
            public var merchantID: String
            public var secret: String

            public init(merchantID: String, secret: String) {
                self.merchantID = merchantID
                self.secret = secret
            }
        }
    }
}
