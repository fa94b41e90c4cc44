import AsyncHTTPClient
import Eligibility
import Foundation
import NIOCore
import NIOHTTP1

/// One HTTP exchange with a gateway, reduced to what the adapters need: status, `Date` header and
/// body bytes — or a ``GatewayProblem``.
///
/// Nothing that leaves this type can contain the URL (which carries credentials) or the body:
/// transport errors are mapped to problem kinds, and AsyncHTTPClient is never given a logger
/// (it would log URLs at debug level).
struct GatewayExchange: Sendable {
    let client: HTTPClient
    let timeout: Duration
    /// Answers larger than this are refused; `dsLichSuKCB2018` history can be long, but not this long.
    var bodyLimit = 4 << 20

    struct Reply: Sendable {
        var status: Int
        /// The raw `Date` header; parsed only where it is needed (logins), not per lookup.
        var dateHeader: String?
        var body: Data
    }

    func send(_ method: HTTPMethod, url: String, headers: [(String, String)] = [],
              body: Data? = nil) async -> Result<Reply, GatewayProblem> {
        var request = HTTPClientRequest(url: url)
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        do {
            return .success(try await withDeadline { [client, timeout, bodyLimit, request] in
                let response = try await client.execute(request, timeout: timeout.timeAmount)
                let bytes = try await response.body.collect(upTo: bodyLimit)
                return Reply(status: Int(response.status.code), dateHeader: response.headers.first(name: "Date"),
                             body: Data(bytes.readableBytesView))
            })
        } catch {
            return .failure(Self.problem(for: error))
        }
    }

    /// Runs the whole exchange — headers AND body — within `timeout`. AsyncHTTPClient's own
    /// timeout ends when the headers arrive; a gateway (or proxy) that then trickles its body
    /// would hold a patient at the desk for as long as it likes.
    private func withDeadline(_ exchange: @escaping @Sendable () async throws -> Reply) async throws -> Reply {
        try await withThrowingTaskGroup(of: Reply?.self) { group in
            group.addTask { try await exchange() }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let reply = first else { throw HTTPClientError.deadlineExceeded }
            return reply
        }
    }

    /// Maps transport errors to problem kinds without keeping their text.
    static func problem(for error: any Error) -> GatewayProblem {
        if error is CancellationError { return GatewayProblem(.cancelled) }
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout, .writeTimeout, .connectTimeout, .getConnectionFromPoolTimeout:
                return GatewayProblem(.timeout)
            case .cancelled:
                return GatewayProblem(Task.isCancelled ? .cancelled : .timeout)
            default:
                break
            }
        }
        if error is NIOTooManyBytesError { return GatewayProblem(.unreadableAnswer) }
        return GatewayProblem(.unreachable)
    }
}

/// RFC 9110 `Date` headers (`Tue, 24 Nov 2026 01:51:54 GMT`), used to correct for kiosk clock skew.
/// Parsed by hand: only the IMF-fixdate form is sent by current servers, and a DateFormatter per
/// call would cost more than the rest of a lookup.
enum HTTPDate {
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func parse(_ text: String) -> Date? {
        let parts = text.split(separator: " ")
        guard parts.count == 6, parts[5] == "GMT", let day = Int(parts[1]), let year = Int(parts[3]),
              let month = months.firstIndex(of: String(parts[2])).map({ $0 + 1 })
        else { return nil }
        let clock = parts[4].split(separator: ":").compactMap { Int($0) }
        guard clock.count == 3 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let components = DateComponents(year: year, month: month, day: day, hour: clock[0], minute: clock[1], second: clock[2])
        guard components.isValidDate(in: calendar) else { return nil }
        return calendar.date(from: components)
    }
}
