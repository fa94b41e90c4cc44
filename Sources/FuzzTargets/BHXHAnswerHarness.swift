import AsyncHTTPClient
import CCCDIdentity
import Dispatch
import Eligibility
import EligibilityGateways
import Foundation
import Hummingbird
import Logging
import Synchronization

/// The BHXH egw client's reading of the gateway's answers: the login answer (token, expiry), the
/// card-check JSON (`maKetQua`, card fields, dates, replacement card), HTTP statuses, the 401
/// re-login, the transient retry and the `maTheMoi` re-query — through the real client, over real
/// HTTP on 127.0.0.1, against a server that answers whatever the fuzz input says.
///
/// Input: the answers in order, separated by NUL bytes (never part of JSON text); each answer's
/// first byte picks the HTTP status (``statuses``), the rest is its body. Answers beyond the input
/// are `503` with no body.
enum BHXHAnswerHarness {
    static let statuses: [HTTPResponse.Status] = [
        .ok, .ok, .ok, .ok, .unauthorized, .forbidden, .notFound, .tooManyRequests,
        .internalServerError, .badGateway, .serviceUnavailable, .requestTimeout, .badRequest, .found, .noContent, .ok,
    ]

    /// The answers queued for the lookup in progress.
    static let answers = Mutex<[Response]>([])

    struct Server: Sendable {
        let client: HTTPClient
        let configuration: BHXHConfiguration
        /// Critical only: a log line per lookup would cost more than the lookup.
        let logger: Logger
    }

    static let server: Server = {
        let port = Mutex<Int?>(nil)
        let listening = DispatchSemaphore(value: 0)
        var logger = Logger(label: "cccd.fuzz.bhxh")
        logger.logLevel = .critical
        let app = Application(
            responder: CallbackResponder<BasicRequestContext> { request, _ in
                var request = request
                _ = try? await request.collectBody(upTo: 1 << 20)
                return answers.withLock { $0.isEmpty ? Response(status: .serviceUnavailable) : $0.removeFirst() }
            },
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                port.withLock { $0 = channel.localAddress?.port }
                listening.signal()
            },
            logger: logger)
        Task { try await app.run() }
        listening.wait()
        guard let bound = port.withLock({ $0 }), let url = URL(string: "http://127.0.0.1:\(bound)") else {
            fatalError("the fuzz gateway did not bind")
        }
        let configuration = BHXHConfiguration(
            baseURL: url, username: "fuzz-kiosk", password: Secret("fuzz-password"), staffName: "Lê Văn Thử",
            staffID: "001080000001", requestTimeout: .seconds(5), loginTimeout: .seconds(5), retryDelay: .zero)
        return Server(client: HTTPClient.eligibilityClient(), configuration: configuration, logger: logger)
    }()

    static let query: EligibilityQuery = {
        guard let id = PersonalID("001190000123"), let birth = CivilDate(year: 1990, month: 3, day: 15),
              let visit = CivilDate(year: 2027, month: 1, day: 4),
              let query = try? EligibilityQuery(subject: .personalID(id), fullName: "Nguyễn Thị Mẫu",
                                                birthDate: .date(birth), visitDate: visit)
        else { fatalError("the invented query does not validate") }
        return query
    }()

    static func run(_ data: [UInt8]) {
        let server = server
        let replies = data.split(separator: 0, omittingEmptySubsequences: false).map { chunk -> Response in
            let status = statuses[Int(chunk.first ?? 0) % statuses.count]
            return Response(status: status, headers: [.contentType: "application/json"],
                            body: ResponseBody(byteBuffer: ByteBuffer(bytes: chunk.dropFirst())))
        }
        answers.withLock { $0 = replies }
        // A new gateway per input: its token cache starts empty, so every input logs in first.
        let gateway = BHXHEgwGateway(configuration: server.configuration, httpClient: server.client, logger: server.logger)
        let result = blockingAwait { await gateway.lookUp(query) }
        invariant(result.gatewayCalls <= 8, "\(result.gatewayCalls) gateway calls for one lookup")
        invariant(!result.explanation.vi.isEmpty && !result.explanation.en.isEmpty, "an explanation is missing a language")
        if result.outcome == .eligible { invariant(result.card != nil, "eligible without a card") }
    }
}
