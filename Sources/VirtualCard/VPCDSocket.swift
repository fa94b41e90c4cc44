import Glibc

/// A blocking TCP connection to vpcd, set up the way vpcd needs it.
///
/// Debian's vpcd writes the 2-byte length and the APDU with two `send()` calls. With Nagle on its
/// side and delayed ACKs on ours, the second write waits for our ACK of the first: every APDU
/// stalled ~40 ms. `TCP_NODELAY` stops our own small writes from waiting, and `TCP_QUICKACK`
/// makes the kernel ACK at once — but Linux clears QUICKACK again after a while, so it is set
/// before *every* receive.
struct VPCDSocket: ~Copyable {
    let descriptor: Int32
    private let quickAck: Bool

    /// Connects to `host:port`; `nil` when nothing listens (pcscd is not running yet or restarting).
    init?(host: String, port: UInt16, quickAck: Bool = true) {
        self.quickAck = quickAck
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let first = list else { return nil }
        defer { freeaddrinfo(list) }
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let info = entry {
            let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
            if fd >= 0 {
                if connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 {
                    descriptor = fd
                    setOption(TCP_NODELAY)
                    return
                }
                close(fd)
            }
            entry = info.pointee.ai_next
        }
        return nil
    }

    deinit { close(descriptor) }

    private func setOption(_ option: Int32) {
        var on: Int32 = 1
        _ = setsockopt(descriptor, Int32(IPPROTO_TCP), option, &on, socklen_t(MemoryLayout<Int32>.size))
    }

    /// Reads exactly `count` bytes; `nil` when the peer closed or the socket was shut down.
    func receive(exactly count: Int) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            if quickAck { setOption(TCP_QUICKACK) }
            let got = bytes.withUnsafeMutableBytes { buffer in
                recv(descriptor, buffer.baseAddress.map { $0 + filled }, count - filled, 0)
            }
            if got > 0 {
                filled += got
            } else if got < 0 && errno == EINTR {
                continue
            } else {
                return nil
            }
        }
        return bytes
    }

    /// Writes all of `bytes` in as few segments as the kernel allows; `false` on a broken connection.
    func send(_ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let wrote = bytes.withUnsafeBytes { buffer in
                Glibc.send(descriptor, buffer.baseAddress.map { $0 + sent }, bytes.count - sent, Int32(MSG_NOSIGNAL))
            }
            if wrote > 0 {
                sent += wrote
            } else if wrote < 0 && errno == EINTR {
                continue
            } else {
                return false
            }
        }
        return true
    }
}
