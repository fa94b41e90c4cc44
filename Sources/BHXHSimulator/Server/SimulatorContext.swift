import Hummingbird
import NIOCore

/// The request context: Hummingbird's core storage plus the peer address, which token binding
/// and the request log need.
struct SimulatorContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let peerAddress: String?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        peerAddress = source.channel.remoteAddress?.ipAddress
    }
}
