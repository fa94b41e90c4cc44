import Foundation
import Hummingbird
@testable import KioskHTTP
import Logging
import NIOEmbedded
import Synchronization
import Testing

/// A route that throws something other than an HTTP error, behind the real guard.
@Suite("kiosk API: an unexpected error is a 500 with the guard's headers")
struct InternalErrorTests {
    struct Broken: Error {}

    @Test("a route's own error: 500, http.internal in both languages, no-store/nosniff/DENY, nothing of the error's text")
    func unexpectedErrorIsSecured() async throws {
        let tokens = AccessTokens()
        let router = Router(context: BasicRequestContext.self)
        let policy = OriginPolicy(configuredHost: "127.0.0.1", allowedOrigins: [])
        policy.bind(port: 7480)
        router.add(middleware: LoopbackGuard(policy: policy, tokens: tokens, logger: Logger(label: "test")))
        router.get("api/v1/broken") { _, _ -> Response in throw Broken() }
        let responder = router.buildResponder()
        var headers = HTTPFields()
        headers[.authorization] = "Bearer \(tokens.sessionToken)"
        let request = Request(head: HTTPRequest(method: .get, scheme: "http", authority: "127.0.0.1:7480", path: "/api/v1/broken",
                                                headerFields: headers), body: RequestBody(buffer: ByteBuffer()))
        let channel = EmbeddedChannel()
        defer { _ = try? channel.finish() }
        let context = BasicRequestContext(source: ApplicationRequestContextSource(channel: channel, logger: Logger(label: "test")))
        let response = try await responder.respond(to: request, context: context)
        #expect(response.status == .internalServerError)
        #expect(response.headers[.cacheControl] == "no-store")
        #expect(response.headers[.xContentTypeOptions] == "nosniff")
        #expect(response.headers[.init("X-Frame-Options")!] == "DENY")
        let sink = BodySink()
        try await response.body.write(BodySink.Writer(sink: sink))
        let text = String(decoding: sink.bytes.withLock { $0 }, as: UTF8.self)
        #expect(text.contains("http.internal"))
        #expect(text.contains(LoopbackGuard<BasicRequestContext>.internalError.vi))
        #expect(!text.contains("Broken"))
    }
}

/// Collects a response body as the server's writer would send it.
final class BodySink: Sendable {
    let bytes = Mutex<[UInt8]>([])

    struct Writer: ResponseBodyWriter {
        let sink: BodySink

        mutating func write(_ buffer: ByteBuffer) async throws {
            sink.bytes.withLock { $0 += Array(buffer.readableBytesView) }
        }

        consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
    }
}
