import Synchronization

/// The CSCA trust store the daemon verifies cards against, reloadable while it runs.
///
/// Holds one ``TrustSnapshot`` at a time; ``reload()`` builds a complete new snapshot from the
/// same sources before swapping it in (the daemon calls it on SIGHUP), so verifications never
/// see a half-read directory and a reload that fails keeps the previous snapshot.
public final class TrustStore: Sendable {
    public let sources: TrustSources
    private let current: Mutex<TrustSnapshot>

    /// Loads the sources once.
    public init(sources: TrustSources) throws(TrustStoreError) {
        self.sources = sources
        self.current = Mutex(try TrustSnapshot.load(sources))
    }

    /// The snapshot verifications use now.
    public var snapshot: TrustSnapshot {
        current.withLock { $0 }
    }

    /// Re-reads every source into a new snapshot and makes it current.
    @discardableResult
    public func reload() throws(TrustStoreError) -> TrustSnapshot {
        let fresh = try TrustSnapshot.load(sources)
        current.withLock { $0 = fresh }
        return fresh
    }
}
