import AsyncHTTPClient
import CCCDTestSupport
import Foundation
import NIOCore
import NIOHTTP1

/// A minimal kiosk API client over AsyncHTTPClient: explicit Host/Origin/cookie/token control,
/// so the security tests can send exactly what a hostile page would.
struct KioskClient {
    let http: HTTPClient
    let port: Int

    struct Answer {
        var status: Int
        var headers: HTTPHeaders
        var body: String
    }

    func send(_ method: HTTPMethod = .GET, _ path: String, headers: [(String, String)] = [], body: String? = nil) async throws -> Answer {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
        request.method = method
        for (name, value) in headers { request.headers.replaceOrAdd(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        let response = try await http.execute(request, timeout: .seconds(20))
        let bytes = try await response.body.collect(upTo: 4 * 1024 * 1024)
        return Answer(status: Int(response.status.code), headers: response.headers, body: String(buffer: bytes))
    }

    /// The `cccdd_session=…` cookie a login link sets.
    func login(token: String) async throws -> String? {
        let answer = try await send(.GET, "/?token=\(token)")
        guard answer.status == 303 else { return nil }
        return answer.headers["Set-Cookie"].first?.split(separator: ";").first.map(String.init)
    }
}
