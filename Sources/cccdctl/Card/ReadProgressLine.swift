import ChipProtocol
import Foundation
import Glibc
import Synchronization

/// `DG2 3/6: 4096/13652 bytes` on one rewritten stderr line while the chip is read — only when
/// stderr is a terminal, so pipes and logs stay clean. File names only: no chip data.
final class ReadProgressLine: Sendable {
    private let lastLength = Mutex(0)

    /// A handler when stderr is a terminal, else nil.
    static func ifTerminal() -> ReadProgressLine? {
        isatty(STDERR_FILENO) == 1 ? ReadProgressLine() : nil
    }

    func report(_ progress: ReadProgress) {
        let text = "\(progress.file.name) \(progress.fileIndex + 1)/\(progress.fileCount): \(progress.bytesRead)/\(progress.bytesExpected) bytes"
        let padding = lastLength.withLock { last in
            defer { last = text.count }
            return String(repeating: " ", count: max(0, last - text.count))
        }
        FileHandle.standardError.write(Data(("\r" + text + padding).utf8))
    }

    /// Ends the progress line so the next output starts on a fresh one.
    func finish() {
        let written = lastLength.withLock { $0 }
        if written > 0 { FileHandle.standardError.write(Data("\r\(String(repeating: " ", count: written))\r".utf8)) }
    }
}
