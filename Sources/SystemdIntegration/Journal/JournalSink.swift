#if canImport(Glibc)
import Glibc
#endif

/// Where log entries go: journald's native socket when stderr is connected to the journal
/// (structured fields survive), else stderr lines with `<N>` priority prefixes, which journald
/// and plain terminals both read.
public struct JournalSink: Sendable {
    public enum Destination: Sendable, Hashable {
        /// `<N>`-prefixed lines on a file descriptor (stderr).
        case prefixedLines(fileDescriptor: Int32)
        /// Datagrams to journald's native socket, falling back to prefixed lines on the descriptor
        /// when a datagram cannot be sent (journald restarting, a message too large).
        case native(socketPath: String, fallbackDescriptor: Int32)
    }

    public let destination: Destination

    public init(destination: Destination) {
        self.destination = destination
    }

    /// journald sets `$JOURNAL_STREAM` to the `device:inode` of the stream it connected to
    /// stdout/stderr; only when that is still our stderr (not redirected by a wrapper) is the
    /// native protocol the right channel.
    public static func detect(environment: [String: String], nativeSocket: String = "/run/systemd/journal/socket") -> JournalSink {
        guard let stream = environment["JOURNAL_STREAM"], let identity = StreamIdentity(stream),
              identity == StreamIdentity(fileDescriptor: STDERR_FILENO) else {
            return JournalSink(destination: .prefixedLines(fileDescriptor: STDERR_FILENO))
        }
        return JournalSink(destination: .native(socketPath: nativeSocket, fallbackDescriptor: STDERR_FILENO))
    }

    func write(_ entry: JournalEntry) {
        switch destination {
        case .prefixedLines(let descriptor):
            Self.writeAll(Array(entry.prefixedLine.utf8), to: descriptor)
        case .native(let path, let fallback):
            if !(UnixDatagramTarget(address: path)?.send(bytes: entry.nativeDatagram) ?? false) {
                Self.writeAll(Array(entry.prefixedLine.utf8), to: fallback)
            }
        }
    }

    /// One `write` per entry so lines from concurrent loggers do not interleave mid-line.
    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return }
            offset += written
        }
    }
}

/// `device:inode` of an open file, as `$JOURNAL_STREAM` spells it.
struct StreamIdentity: Hashable {
    let device: UInt64
    let inode: UInt64

    init?(_ text: String) {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let device = UInt64(parts[0]), let inode = UInt64(parts[1]) else { return nil }
        self.device = device
        self.inode = inode
    }

    init?(fileDescriptor: Int32) {
        var status = stat()
        guard fstat(fileDescriptor, &status) == 0 else { return nil }
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }
}
