/// The scanners an "auto" kiosk reads, followed over time: sysfs is looked at again every
/// `interval`, so a scanner plugged in after start — or back on another node after a replug — is
/// read too, and one whose node is gone stops being listed.
///
/// Scanners count by their device node. Looking is cheap: discovery walks sysfs without opening
/// any device.
public struct ScannerFleet: Sendable {
    public enum Change: Sendable, Equatable {
        /// A scanner with a node to read that was not there at the previous look.
        case appeared(DiscoveredScanner)
        /// The node of a scanner that was there and is gone.
        case vanished(node: String)
        /// Looking failed (sysfs unreadable); reported once until a look succeeds again.
        case lookFailed(ScannerError)
    }

    public let discovery: ScannerDiscovery
    public let interval: Duration

    public init(discovery: ScannerDiscovery = ScannerDiscovery(), interval: Duration = .seconds(5)) {
        self.discovery = discovery
        self.interval = interval
    }

    /// The changes since the previous look, the first look reporting every scanner present.
    /// A failed look (sysfs unreadable) reports nothing and keeps the previous picture: a
    /// transient error must not make every scanner "vanish".
    public func changes() -> AsyncStream<Change> {
        AsyncStream { continuation in
            let looking = Task {
                var known: [String: DiscoveredScanner] = [:]
                var failing = false
                while !Task.isCancelled {
                    do throws(ScannerError) {
                        let found = try discovery.discover()
                        let present = Dictionary(found.compactMap { scanner in scanner.node.map { ($0, scanner) } }) { first, _ in first }
                        for change in Self.changes(from: known, to: present) { continuation.yield(change) }
                        known = present
                        failing = false
                    } catch {
                        if !failing { continuation.yield(.lookFailed(error)) }
                        failing = true
                    }
                    try? await Task.sleep(for: interval)
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in looking.cancel() }
        }
    }

    /// Node by node: new nodes appear (in node order, so logs read the same each time), nodes no
    /// longer present vanish. A scanner whose node stays is not reported again.
    static func changes(from known: [String: DiscoveredScanner], to present: [String: DiscoveredScanner]) -> [Change] {
        let vanished = known.keys.filter { present[$0] == nil }.sorted().map { Change.vanished(node: $0) }
        let appeared = present.keys.filter { known[$0] == nil }.sorted().compactMap { present[$0].map(Change.appeared) }
        return vanished + appeared
    }
}
