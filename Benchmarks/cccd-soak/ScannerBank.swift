import CCCDTestSupport
import Foundation
import Synchronization

/// The kiosk's serial QR scanners: each a pty behind a stable link (`scanner-N`), the way udev's
/// `SYMLINK+=` names a CDC-ACM scanner. Unplugging removes the link and hangs the pty up;
/// replugging makes a new pty (a new `/dev/pts/N`, as a new ACM number) behind the same link.
final class ScannerBank: Sendable {
    let links: [String]
    private let terminals: Mutex<[PseudoTerminal?]>

    init(count: Int, in folder: URL) throws {
        links = (0..<count).map { folder.appendingPathComponent("scanner-\($0)").path }
        var made: [PseudoTerminal?] = []
        for link in links {
            let terminal = try PseudoTerminal()
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: terminal.slavePath)
            made.append(terminal)
        }
        terminals = Mutex(made)
    }

    /// The daemon's `[scanners]` table naming every link.
    var configuration: String {
        "[scanners]\nmode = \"explicit\"\n" + links.map { "\n[[scanners.device]]\npath = \"\($0)\"\nkind = \"serial\"\nsuffix = \"CR\"\n" }.joined()
    }

    var pluggedCount: Int { terminals.withLock { $0.filter { $0 != nil }.count } }

    /// Sends `payload` CR-terminated on scanner `index`; false while that scanner is unplugged.
    func scan(_ payload: String, on index: Int) throws -> Bool {
        guard let terminal = terminals.withLock({ $0[index] }) else { return false }
        try terminal.write(Array((payload + "\r").utf8), patience: .seconds(2))
        return true
    }

    func unplug(_ index: Int) {
        let terminal = terminals.withLock { terminals in
            defer { terminals[index] = nil }
            return terminals[index]
        }
        try? FileManager.default.removeItem(atPath: links[index])
        terminal?.close()
    }

    func replug(_ index: Int) throws {
        let terminal = try PseudoTerminal()
        try FileManager.default.createSymbolicLink(atPath: links[index], withDestinationPath: terminal.slavePath)
        terminals.withLock { $0[index] = terminal }
    }

    func closeAll() {
        let all = terminals.withLock { terminals in
            defer { terminals = terminals.map { _ in nil } }
            return terminals
        }
        all.forEach { $0?.close() }
    }
}
