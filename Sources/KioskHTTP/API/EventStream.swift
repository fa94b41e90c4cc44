import Foundation
public import Hummingbird
public import KioskPipeline

/// `GET /api/v1/events` as Server-Sent Events: `id:`/`event:`/`data:` per pipeline event, resumed
/// after `Last-Event-ID`, a `: keep-alive` comment every 15 s (proxies and the page's watchdog
/// see a live stream). The stream ends when the bus finishes (graceful shutdown) or the client
/// goes away, whichever comes first.
public enum EventStream {
    public static let keepAliveInterval: Duration = .seconds(15)

    public static func response(bus: EventBus, lastEventID: String?, keepAlive: Duration = keepAliveInterval) -> Response {
        let events = bus.subscribe(after: lastEventID.flatMap { UInt64($0.trimmingCharacters(in: .whitespaces)) })
        let body = ResponseBody { writer in
            let (chunks, continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(512))
            let forward = Task {
                for await event in events { continuation.yield(frame(event)) }
                continuation.finish()
            }
            let beat = Task {
                while !Task.isCancelled {
                    try await Task.sleep(for: keepAlive)
                    continuation.yield(": keep-alive\n\n")
                }
            }
            defer {
                forward.cancel()
                beat.cancel()
            }
            // Tells the client to retry after a second when the daemon restarts.
            try await writer.write(ByteBuffer(string: "retry: 1000\n\n"))
            for await chunk in chunks {
                try await writer.write(ByteBuffer(string: chunk))
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [
            .contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store", .init("X-Accel-Buffering")!: "no",
        ], body: body)
    }

    /// One SSE frame; the JSON is one line (JSONEncoder never emits raw newlines).
    static func frame(_ event: KioskEvent) -> String {
        let data = (try? JSONEncoder().encode(event)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return "id: \(event.id)\nevent: \(event.kind.rawValue)\ndata: \(data)\n\n"
    }
}
