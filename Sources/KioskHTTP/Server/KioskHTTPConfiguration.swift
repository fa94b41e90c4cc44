/// Where and for whom the kiosk API listens.
public struct KioskHTTPConfiguration: Sendable {
    /// The TCP listen address: loopback unless ``allowNonLoopback`` (the daemon's config refuses
    /// anything else without it).
    public var host: String
    /// 0 picks a free port (tests, the demo).
    public var port: Int
    /// Origins allowed besides the daemon's own (exact `scheme://host:port`, never `*`).
    public var allowedOrigins: [String]
    public var allowNonLoopback: Bool
    /// The Unix socket `cccdctl status` uses; nil for none.
    public var unixSocketPath: String?

    public init(host: String = "127.0.0.1", port: Int = 7480, allowedOrigins: [String] = [], allowNonLoopback: Bool = false,
                unixSocketPath: String? = nil) {
        self.host = host
        self.port = port
        self.allowedOrigins = allowedOrigins
        self.allowNonLoopback = allowNonLoopback
        self.unixSocketPath = unixSocketPath
    }

    /// Whether `host` is a loopback address or name.
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}
