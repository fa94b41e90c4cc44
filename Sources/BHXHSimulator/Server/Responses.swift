import Foundation
import Hummingbird

/// The canned bodies the simulator answers with.
enum Responses {
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// What a reverse proxy in front of the gateway answers when the gateway is down [C].
    static func html(status: HTTPResponse.Status) -> Response {
        let page = """
        <html><head><title>\(status.code) \(status.reasonPhrase)</title></head>
        <body><center><h1>\(status.code) \(status.reasonPhrase)</h1></center><hr><center>nginx</center></body></html>
        """
        return Response(status: status, headers: [.contentType: "text/html"],
                        body: .init(byteBuffer: ByteBuffer(string: page)))
    }

    /// Whitespace, one byte every 100 ms, for an hour or until the simulator stops — valid JSON
    /// would follow, but a client with a deadline never waits that long.
    static func trickle(lifecycle: SimulatorLifecycle) -> Response {
        let body = ResponseBody { writer in
            for _ in 0..<36_000 where !lifecycle.isStopped {
                try await writer.write(ByteBuffer(string: " "))
                await lifecycle.pause(for: .milliseconds(100))
            }
            try await writer.write(ByteBuffer(string: "{}"))
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: "application/json"], body: body)
    }

    static func garbage() -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"],
                 body: .init(byteBuffer: ByteBuffer(string: "Object reference not set to an instance of an object.")))
    }

    static func authFailure(_ style: Scenario.AuthFailureStyle) -> Response {
        let body = CardCheckAnswer(maKetQua: "401", ghiChu: "Lỗi xác thực tài khoản", card: nil)
        return json(body, status: style == .status ? .unauthorized : .ok)
    }
}
