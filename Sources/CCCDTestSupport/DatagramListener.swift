import Foundation
import Glibc

/// A bound `AF_UNIX` datagram socket standing in for systemd's notify socket or journald's native
/// socket, so tests read exactly the datagrams a process sent.
public final class DatagramListener: Sendable {
    public let path: String
    private let descriptor: Int32

    /// `path` is a file path, or `@name` for the abstract namespace (as in `$NOTIFY_SOCKET`).
    public init(path: String) throws {
        descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw ChildProcessError(description: "socket: errno \(errno)") }
        self.path = path
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var bytes = Array(path.utf8)
        let abstract = bytes.first == UInt8(ascii: "@")
        if abstract { bytes[0] = 0 }
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
            close(descriptor)
            throw ChildProcessError(description: "socket path too long: \(path)")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in bytes.enumerated() { buffer[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sa_family_t>.size + bytes.count + (abstract ? 0 : 1)))
            }
        }
        guard bound == 0 else {
            close(descriptor)
            throw ChildProcessError(description: "bind \(path): errno \(errno)")
        }
    }

    deinit {
        close(descriptor)
        if !path.hasPrefix("@") { unlink(path) }
    }

    /// The next datagram, or nil when none arrives within `limit`. Blocks a thread (poll), so
    /// it runs off the cooperative pool.
    public func receive(within limit: Duration) async -> [UInt8]? {
        let descriptor = descriptor
        let milliseconds = Int32(limit.components.seconds * 1000 + limit.components.attoseconds / 1_000_000_000_000_000)
        return await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                guard poll(&request, 1, milliseconds) == 1 else { return continuation.resume(returning: nil) }
                var buffer = [UInt8](repeating: 0, count: 65536)
                let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
                continuation.resume(returning: count >= 0 ? Array(buffer.prefix(count)) : nil)
            }
        }
    }

    /// The next datagram as text.
    public func receiveText(within limit: Duration) async -> String? {
        await receive(within: limit).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Datagrams until one satisfies `predicate` (returned with everything before it), or nil at the deadline.
    public func receive(until predicate: (String) -> Bool, within limit: Duration) async -> [String]? {
        let deadline = ContinuousClock.now + limit
        var seen: [String] = []
        while ContinuousClock.now < deadline {
            guard let text = await receiveText(within: deadline - ContinuousClock.now) else { return nil }
            seen.append(text)
            if predicate(text) { return seen }
        }
        return nil
    }
}
