public import Foundation

/// One request the simulator received, kept so tests can assert what a client sent.
///
/// Query values are kept verbatim — including tokens and password digests — because this is the
/// simulator's own test log of invented credentials; it is never written anywhere.
public struct RecordedRequest: Sendable, Codable, Hashable {
    public var method: String
    public var path: String
    public var query: [QueryItem]
    public var body: String
    /// The `x-…` headers (HIS request signing); other headers are not kept.
    public var signatureHeaders: [String: String]
    public var remoteAddress: String?
    public var receivedAt: Date

    public struct QueryItem: Sendable, Codable, Hashable {
        public var name: String
        public var value: String
    }

    public func queryValue(_ name: String) -> String? {
        query.first { $0.name == name }?.value
    }

    public var isLogin: Bool { path == SimulatorPaths.token }
    public var isCardCheck: Bool { path == SimulatorPaths.cardCheck }
}

/// The gateway paths the simulator serves.
public enum SimulatorPaths {
    public static let token = "/api/token/take"
    public static let cardCheck = "/api/egw/KQNhanLichSuKCB2024"
    public static let his = "/bhyt"
    public static let requests = "/_sim/requests"
    public static let outage = "/_sim/outage"
    public static let expireTokens = "/_sim/expire-tokens"
    public static let clock = "/_sim/clock"
    public static let latency = "/_sim/latency"
    public static let htmlErrors = "/_sim/html-errors"
}
