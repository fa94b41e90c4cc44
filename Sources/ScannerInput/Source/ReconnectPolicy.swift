/// How often a source retries a device that is missing or went away.
///
/// Exponential backoff from ``initialDelay`` to ``maximumDelay``: a re-enumerating USB scanner is
/// usually back within a second, an unplugged one may be gone for hours and must not spin a core.
public struct ReconnectPolicy: Sendable, Hashable {
    public var initialDelay: Duration
    public var maximumDelay: Duration

    public init(initialDelay: Duration = .milliseconds(250), maximumDelay: Duration = .seconds(5)) {
        self.initialDelay = initialDelay
        self.maximumDelay = max(initialDelay, maximumDelay)
    }

    public static let standard = ReconnectPolicy()

    /// The delay after `delay`: doubled, capped at ``maximumDelay``.
    func next(after delay: Duration) -> Duration {
        min(delay * 2, maximumDelay)
    }
}
