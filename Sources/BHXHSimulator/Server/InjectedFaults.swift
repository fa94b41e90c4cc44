/// Faults switched on while the simulator runs, on top of what the scenario scripts: the soak run
/// (`make soak`) and tests pull them through ``BHXHSimulator`` or `/_sim/…`.
///
/// An HTML error differs from an outage on purpose: logins still work and only card checks fail,
/// as when the proxy in front of the gateway answers its own error page for one backend.
public struct InjectedFaults: Sendable, Hashable {
    /// Added to every card check's scripted latency (a slow gateway); 0 = none.
    public var extraLatencyMilliseconds: Int = 0
    /// While set (400…599), every card check answers this status with an HTML page.
    public var htmlErrorStatus: Int?

    public init(extraLatencyMilliseconds: Int = 0, htmlErrorStatus: Int? = nil) {
        self.extraLatencyMilliseconds = extraLatencyMilliseconds
        self.htmlErrorStatus = htmlErrorStatus
    }
}
