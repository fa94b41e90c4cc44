import CCCDIdentity
import Foundation
import Hummingbird
import KioskHTTP
import KioskPipeline
import LDS
import Logging
import NIOCore
import NIOEmbedded
import Synchronization

/// The kiosk's HTTP API as the daemon serves it (``KioskHTTPServer/router()``): the
/// ``LoopbackGuard`` (Host, Origin, token, JSON-only state changes, CORS), the page's routes, the
/// `/api/v1` routes with the manual-entry body and the demo routes — driven in memory, request by
/// request, with the fuzzed method, Host, path, headers and body. Chosen over HummingbirdTesting's
/// router mode because that fixes Host to `localhost`, and the Host check is ours to test; over
/// calling the decoders alone because the guard's ordering is where a hole would be.
///
/// Input: byte 0 picks the method (``methods``); byte 1 sets flags — the right Host, the session
/// token as Bearer or as cookie, a JSON content type, our own or an allow-listed Origin, the demo
/// routes; then text lines: the Host (unless the flag gives it), the path, `Name: value` headers,
/// an empty line, and the body.
/// Invariants: nothing reaches the desk without the token; nothing but `/`, the page's assets and
/// health is answered without it (no `/api` path succeeds); every answer the guard lets out carries `nosniff`.
enum KioskHTTPHarness {
    static let methods: [HTTPRequest.Method] = [.get, .post, .head, .options, .put, .delete, .patch, .connect]
    static let token = String(repeating: "5a", count: 32)
    static let ownOrigin = "http://127.0.0.1:7480"
    static let listedOrigin = "http://127.0.0.1:9000"

    struct Fixture: Sendable {
        let plain: Responder
        let demo: Responder
        let desk: FuzzDesk
    }

    typealias Responder = RouterResponder<BasicRequestContext>

    static let fixture: Fixture = {
        var logger = Logger(label: "cccd.fuzz.http")
        logger.logLevel = .critical
        let desk = FuzzDesk()
        let bus = EventBus()
        // Finished: the SSE route ends at once instead of holding a subscriber per input.
        bus.finish()
        func responder(demo: (any DemoControl)?) -> Responder {
            let server = KioskHTTPServer(
                configuration: KioskHTTPConfiguration(host: "127.0.0.1", port: 7480, allowedOrigins: [listedOrigin]),
                tokens: AccessTokens(sessionToken: token), desk: desk, bus: bus, demo: demo,
                metricsText: { "# fuzz\n" }, logger: logger)
            server.policy.bind(port: 7480)
            return server.router().buildResponder()
        }
        return Fixture(plain: responder(demo: nil), demo: responder(demo: desk), desk: desk)
    }()

    static func run(_ data: [UInt8]) {
        let fixture = fixture
        var input = FuzzInput(data)
        let method = methods[Int(input.byte()) % methods.count]
        let flags = input.byte()
        let rest = input.rest()
        let split = rest.firstRange(of: [0x0A, 0x0A])
        let head = String(decoding: split.map { rest[..<$0.lowerBound] } ?? rest[...], as: UTF8.self)
        let body = split.map { Array(rest[$0.upperBound...]) } ?? []
        var lines = head.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let authority = flags & 0x01 != 0 ? "127.0.0.1:7480" : (lines.isEmpty ? "" : lines.removeFirst())
        let path = lines.isEmpty ? "/" : lines.removeFirst()
        var headers = HTTPFields()
        for line in lines {
            guard let colon = line.firstIndex(of: ":"), let name = HTTPFields.Element.Name(String(line[..<colon])) else { continue }
            headers.append(HTTPFields.Element(name: name, value: line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        let hasToken = flags & 0x06 != 0
        if flags & 0x02 != 0 { headers[.authorization] = "Bearer \(token)" }
        if flags & 0x04 != 0 { headers.append(HTTPFields.Element(name: .cookie, value: "cccdd_session=\(token)")) }
        if flags & 0x08 != 0 { headers[.contentType] = "application/json" }
        if flags & 0x10 != 0 { headers[.origin] = ownOrigin }
        if flags & 0x20 != 0 { headers[.origin] = listedOrigin }
        let responder = flags & 0x40 != 0 ? fixture.demo : fixture.plain
        let request = Request(head: HTTPRequest(method: method, scheme: "http", authority: authority, path: path, headerFields: headers),
                              body: RequestBody(buffer: ByteBuffer(bytes: body)))
        fixture.desk.reset()
        let answer = blockingAwait { () -> (status: HTTPResponse.Status, secured: Bool)? in
            let channel = EmbeddedChannel()
            // Finished after the request: an open EmbeddedChannel keeps its pipeline in a cycle.
            defer { _ = try? channel.finish() }
            let context = BasicRequestContext(source: ApplicationRequestContextSource(channel: channel, logger: Logger(label: "fuzz")))
            guard let response = try? await responder.respond(to: request, context: context) else { return nil }
            let secured = response.headers[.xContentTypeOptions] == "nosniff"
            let status = response.status
            try? await response.body.write(CollectingWriter())
            return (status, secured)
        }
        let status = answer?.status
        invariant(answer?.secured != false, "a \(status?.code ?? 0) answer left the guard without its security headers")
        invariant(hasToken || fixture.desk.calls == 0, "a request without the token reached the desk (\(method) \(path))")
        if !hasToken, let status, status.kind == .successful, method != .options {
            invariant(!request.uri.path.hasPrefix("/api"), "\(method) \(request.uri.path) answered \(status.code) without the token")
        }
    }
}

/// Collects a response body, as the server's writer would send it.
struct CollectingWriter: ResponseBodyWriter {
    var bytes = 0

    mutating func write(_ buffer: ByteBuffer) async throws {
        bytes += buffer.readableBytes
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
}

/// The desk and demo behind the API: answers fixed views and counts what reaches it.
final class FuzzDesk: KioskDesk, DemoControl {
    private let handled = Mutex(0)

    var calls: Int { handled.withLock { $0 } }

    func reset() {
        handled.withLock { $0 = 0 }
    }

    func session() async -> SessionView {
        SessionView(id: "fuzz", state: .idle)
    }

    func photo() async -> FaceImage? {
        FaceImage(format: .jpeg, bytes: [0xFF, 0xD8, 0xFF, 0xD9])
    }

    func handle(_ input: PresentationInput) async {
        handled.withLock { $0 += 1 }
    }

    func status() async -> StatusView {
        StatusView(version: "fuzz", demo: true, pcscAvailable: false, readers: [], scanners: [],
                   gateway: .init(state: .unknown, adapter: "none", pendingRechecks: 0), ledger: nil, recentProblems: [])
    }

    func patients() -> [DemoPatient] {
        [DemoPatient(id: "mau", label: LocalizedText(vi: "Bệnh nhân mẫu", en: "Sample patient"))]
    }

    func present(_ patientID: String) async throws {
        handled.withLock { $0 += 1 }
    }
}
