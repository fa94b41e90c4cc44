public import Foundation

/// One thing the pipeline did, as the kiosk page and `cccdctl` see it.
///
/// Every event carries the whole current ``SessionView`` (or, for device changes, the
/// ``StatusView``), so a client that missed events — a reconnecting page — renders the right
/// screen from the next one alone.
public struct KioskEvent: Sendable, Identifiable {
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        case scanReceived, cardDetected, cardRemoved, qrNeeded, readingProgress, verified
        case lookupStarted, result, error, sessionCleared, status
    }

    /// Monotonic per daemon run, starting at 1: the SSE `id:` and `Last-Event-ID`.
    public let id: UInt64
    public let at: Date
    public let kind: Kind
    public let session: SessionView?
    public let status: StatusView?

    public init(id: UInt64, at: Date, kind: Kind, session: SessionView?, status: StatusView?) {
        self.id = id
        self.at = at
        self.kind = kind
        self.session = session
        self.status = status
    }
}

extension KioskEvent: Encodable {
    enum CodingKeys: String, CodingKey { case type, at, session, status }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .type)
        try container.encode(Timestamp.text(at), forKey: .at)
        try container.encodeIfPresent(session, forKey: .session)
        try container.encodeIfPresent(status, forKey: .status)
    }
}
