import Foundation
import Hummingbird

/// Reads a request's body and appends the request to the simulator's log.
struct RequestRecorder: Sendable {
    let state: SimulatorState

    /// Returns the body text and the query as a dictionary.
    func record(_ request: Request, _ context: SimulatorContext) async throws -> (String, [String: String]) {
        var request = request
        let buffer = try await request.collectBody(upTo: 1 << 20)
        let body = String(buffer: buffer)
        let items = request.uri.queryParameters.map { RecordedRequest.QueryItem(name: String($0.key), value: String($0.value)) }
        var signatureHeaders: [String: String] = [:]
        for field in request.headers where field.name.canonicalName.hasPrefix("x-") {
            signatureHeaders[field.name.canonicalName] = field.value
        }
        await state.record(RecordedRequest(
            method: request.method.rawValue, path: request.uri.path, query: items, body: body,
            signatureHeaders: signatureHeaders, remoteAddress: context.peerAddress, receivedAt: Date()))
        return (body, Dictionary(items.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first }))
    }
}
