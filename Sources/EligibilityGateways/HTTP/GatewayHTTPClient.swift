public import AsyncHTTPClient
import NIOCore

extension HTTPClient {
    /// An HTTP client suited to eligibility gateways: a bounded connect timeout, **no redirects** and
    /// **no tracing**, because the BHXH credentials travel in the query string and must never be
    /// replayed to another host or recorded in a span. The caller owns it and must `shutdown()` it.
    ///
    /// `maximumConnections` bounds connections per host; lookups beyond it wait in the pool, and
    /// that wait counts against their request timeout.
    public static func eligibilityClient(connectTimeout: Duration = .seconds(5), maximumConnections: Int = 8) -> HTTPClient {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(idleTimeout: .seconds(60),
                                             concurrentHTTP1ConnectionsPerHostSoftLimit: max(1, maximumConnections))
        configuration.timeout = .init(connect: .nanoseconds(Int64(connectTimeout.nanoseconds)))
        configuration.redirectConfiguration = .disallow
        // Never trace: AsyncHTTPClient's spans record `url.full` and `url.query`, which would carry
        // the BHXH token and password digest into whatever tracing backend the daemon bootstraps.
        configuration.tracing.tracer = nil
        configuration.decompression = .enabled(limit: .ratio(50))
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }
}

extension Duration {
    /// Whole nanoseconds, saturating; NIO's `TimeAmount` wants them.
    var nanoseconds: Double {
        Double(components.seconds) * 1e9 + Double(components.attoseconds) / 1e9
    }

    var timeAmount: TimeAmount { .nanoseconds(Int64(min(nanoseconds, Double(Int64.max)))) }
}
