import Dispatch
import Glibc

/// vpcd's side of the socket, written independently for tests of ``VPCDConnection`` without
/// pcscd: listens on an ephemeral loopback port and, like Debian's vpcd, sends each message's
/// length and payload in two separate `send()` calls.
final class FakeVPCD: @unchecked Sendable {  // listener fixed at init; client fd only used by the test's sequential calls
    let port: UInt16
    private let listener: Int32
    private var client: Int32 = -1

    init() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(listener, socketAddress, length) == 0 && listen(listener, 1) == 0
                    && getsockname(listener, socketAddress, &length) == 0
            }
        }
        guard bound else {
            close(listener)
            throw FakeVPCDError.setup(errno)
        }
        self.listener = listener
        port = UInt16(bigEndian: address.sin_port)
    }

    deinit {
        if client >= 0 { close(client) }
        close(listener)
    }

    /// Waits for the card side to connect (blocking, off the cooperative pool).
    func accept() async {
        let listener = listener
        let fd: Int32 = await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: Glibc.accept(listener, nil, nil)) }
        }
        if client >= 0 { close(client) }
        client = fd
    }

    /// Hangs up, as vpcd does when pcscd stops.
    func hangUp() {
        if client >= 0 { close(client) }
        client = -1
    }

    /// Sends one message (length, then payload, in two writes) and reads the answer if one is due.
    func exchange(_ payload: [UInt8], expectAnswer: Bool = true) async -> [UInt8]? {
        let fd = client
        return await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                let header = [UInt8(payload.count >> 8), UInt8(payload.count & 0xFF)]
                _ = header.withUnsafeBytes { send(fd, $0.baseAddress, 2, 0) }
                _ = payload.withUnsafeBytes { send(fd, $0.baseAddress, payload.count, 0) }
                guard expectAnswer, let length = Self.read(fd, 2) else { return continuation.resume(returning: nil) }
                continuation.resume(returning: Self.read(fd, Int(length[0]) << 8 | Int(length[1])))
            }
        }
    }

    /// Whether the card side closed its end (a read returns end of file).
    func peerClosed() async -> Bool {
        let fd = client
        return await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: Self.read(fd, 1) == nil) }
        }
    }

    private static func read(_ fd: Int32, _ count: Int) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = bytes.withUnsafeMutableBytes { recv(fd, $0.baseAddress.map { $0 + filled }, count - filled, 0) }
            if got <= 0 { return nil }
            filled += got
        }
        return bytes
    }
}

enum FakeVPCDError: Error {
    case setup(Int32)
}
