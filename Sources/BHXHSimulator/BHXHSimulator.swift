public import Foundation
import Hummingbird
import ServiceLifecycle
public import Logging

/// A running BHXH egw simulator (spec §8): the token and card-check endpoints backed by a
/// ``Scenario``, a facility-HIS endpoint (`GET /bhyt`) over the same cards, and `/_sim/…` admin
/// endpoints, on one loopback port.
///
/// Tests start one in-process on port 0 and read ``port``; `bhxh-sim` wraps the same type.
public final class BHXHSimulator: Sendable {
    public let host: String
    public let port: Int
    private let state: SimulatorState
    private let lifecycle: SimulatorLifecycle
    private let group: ServiceGroup
    private let server: Task<Void, any Error>

    /// The base URL clients are configured with, e.g. `http://127.0.0.1:41234`.
    public var baseURL: URL {
        URL(string: "http://\(host):\(port)") ?? URL(fileURLWithPath: "/")
    }

    /// Binds `host:port` (0 picks a free port) and returns once the server accepts connections.
    public static func start(scenario: Scenario, host: String = "127.0.0.1", port: Int = 0,
                             logger: Logger = Logger(label: "bhxh-sim")) async throws -> BHXHSimulator {
        let state = SimulatorState(scenario: scenario)
        let lifecycle = SimulatorLifecycle()
        let router = Router(context: SimulatorContext.self)
        GatewayEndpoints(state: state, desk: CardDesk(scenario: scenario), lifecycle: lifecycle).register(on: router)
        HISEndpoint(state: state, desk: CardDesk(scenario: scenario), lifecycle: lifecycle).register(on: router)
        AdminEndpoints(state: state).register(on: router)

        let bound = AsyncStream<Result<Int, any Error>>.makeStream()
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(host, port: port), serverName: "bhxh-sim"),
            onServerRunning: { channel in
                bound.continuation.yield(.success(channel.localAddress?.port ?? port))
            },
            logger: logger)
        let group = ServiceGroup(configuration: .init(services: [app], logger: logger))
        let server = Task {
            do {
                try await group.run()
                bound.continuation.yield(.failure(SimulatorError.stoppedBeforeBinding))
            } catch {
                bound.continuation.yield(.failure(error))
                throw error
            }
        }
        var results = bound.stream.makeAsyncIterator()
        guard let first = await results.next() else { throw SimulatorError.stoppedBeforeBinding }
        switch first {
        case .success(let boundPort):
            return BHXHSimulator(host: host, port: boundPort, state: state, lifecycle: lifecycle, group: group, server: server)
        case .failure(let error):
            server.cancel()
            throw error
        }
    }

    private init(host: String, port: Int, state: SimulatorState, lifecycle: SimulatorLifecycle,
                 group: ServiceGroup, server: Task<Void, any Error>) {
        self.group = group
        self.host = host
        self.port = port
        self.state = state
        self.lifecycle = lifecycle
        self.server = server
    }

    /// Ends stalled requests, shuts the server down gracefully and waits for it to finish.
    public func stop() async {
        lifecycle.stop()
        await group.triggerGracefulShutdown()
        _ = await server.result
    }

    /// Every gateway request received so far, oldest first.
    public func requests() async -> [RecordedRequest] { await state.requests() }

    public func clearRequests() async { await state.clearRequests() }

    /// Simulates the gateway going down (every endpoint answers 502 with HTML) or coming back.
    public func setOutage(_ on: Bool) async { await state.setOutage(on) }

    /// Replaces the runtime faults (slow card checks, HTML error pages); `InjectedFaults()` clears them.
    public func inject(_ faults: InjectedFaults) async { await state.inject(faults) }

    /// Forgets every issued token, as when the gateway restarts or tokens lapse server-side.
    public func expireAllTokens() async { await state.expireAllTokens() }

    /// Moves the simulator's clock forward (token expiry, throttle windows, outage windows).
    public func advanceClock(by seconds: TimeInterval) async { await state.advanceClock(by: seconds) }
}

/// Why the simulator could not start.
public struct SimulatorError: Error, CustomStringConvertible, Equatable {
    public var description: String

    static let stoppedBeforeBinding = SimulatorError(description: "bhxh-sim stopped before it could bind its address")
}
