#if canImport(Glibc)
import Glibc
#endif

/// An `AF_UNIX` datagram socket systemd listens on: `$NOTIFY_SOCKET` (a path, or a name in the
/// abstract namespace when it starts with `@`) or journald's native socket.
///
/// Neither protocol needs libsystemd: a notification is one datagram of newline-separated
/// `KEY=VALUE` lines (sd_notify(3)), a journal entry one datagram of fields. Datagrams also mean
/// a missing or slow listener can never block the daemon: the send fails and the daemon goes on.
public struct UnixDatagramTarget: Sendable, Hashable {
    public let address: String

    public init?(address: String?) {
        guard let address, !address.isEmpty, address.utf8.count < 108 else { return nil }
        guard address.hasPrefix("/") || address.hasPrefix("@") else { return nil }
        self.address = address
    }

    /// Sends one datagram; returns false when it could not be delivered (no listener, bad address).
    @discardableResult
    public func send(_ message: String) -> Bool {
        send(bytes: Array(message.utf8))
    }

    /// Sends one datagram of raw bytes (journal fields may hold binary-safe values).
    @discardableResult
    public func send(bytes: [UInt8]) -> Bool {
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        var path = Array(address.utf8)
        // Abstract namespace: the name starts with a NUL byte instead of the '@' and is not
        // NUL-terminated, so its length is given exactly.
        if path.first == UInt8(ascii: "@") { path[0] = 0 }
        withUnsafeMutableBytes(of: &addr.sun_path) { buffer in
            for (index, byte) in path.enumerated() { buffer[index] = byte }
        }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + path.count + (path.first == 0 ? 0 : 1))
        let sent = withUnsafePointer(to: &addr) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { sockaddrPointer in
                bytes.withUnsafeBytes { sendto(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL), sockaddrPointer, length) }
            }
        }
        return sent == bytes.count
    }
}
