import Synchronization

/// Which `Host` and `Origin` values name this daemon: its loopback names with the port it bound
/// (known only once listening: tests and the demo bind port 0), plus the configured allow-list.
///
/// The `Host` check defeats DNS rebinding (a foreign name resolving to 127.0.0.1 still carries the
/// foreign name); the exact `Origin` check defeats cross-site requests from any other page,
/// including pages served by other local servers on other ports.
public final class OriginPolicy: Sendable {
    private let boundPort = Mutex<Int?>(nil)
    public let configuredHost: String
    public let allowList: Set<String>

    public init(configuredHost: String, allowedOrigins: [String]) {
        self.configuredHost = configuredHost
        self.allowList = Set(allowedOrigins)
    }

    public func bind(port: Int) {
        boundPort.withLock { $0 = port }
    }

    public var port: Int? { boundPort.withLock { $0 } }

    /// `127.0.0.1:PORT`, `localhost:PORT`, `[::1]:PORT`, and the configured host with the port.
    public var ownAuthorities: Set<String> {
        guard let port else { return [] }
        var hosts: Set<String> = ["127.0.0.1", "localhost", "[::1]"]
        hosts.insert(configuredHost.contains(":") ? "[\(configuredHost)]" : configuredHost)
        return Set(hosts.map { "\($0):\(port)" })
    }

    public func acceptsHost(_ authority: String?) -> Bool {
        guard let authority else { return false }
        return ownAuthorities.contains(authority.lowercased())
    }

    public func isOwnOrigin(_ origin: String) -> Bool {
        ownAuthorities.contains { "http://\($0)" == origin.lowercased() }
    }

    public func isAllowListed(_ origin: String) -> Bool {
        allowList.contains(origin)
    }

    public func acceptsOrigin(_ origin: String) -> Bool {
        isOwnOrigin(origin) || isAllowListed(origin)
    }
}
