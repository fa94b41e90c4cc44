import CCCDTestSupport
import Dispatch
import Foundation
import Synchronization

/// Every process the run started, so that ctrl-C or a SIGTERM (a `timeout`, a CI job cancelled)
/// kills them all by PID before the run exits: the run must leave no process behind even when it
/// cannot unwind normally. The normal path stops each child itself and untracks it.
enum Children {
    private static let pids = Mutex<Set<Int32>>([])
    private static let sources = Mutex<[any DispatchSourceSignal]>([])
    /// Where the run's scratch folder is, removed on interrupt too.
    static let scratch = Mutex<URL?>(nil)
    /// The PC/SC rig, whose pcscd (when the rig started it) is killed on interrupt too.
    static let rig = Mutex<PCSCRig?>(nil)

    static func track(_ pid: Int32) { _ = pids.withLock { $0.insert(pid) } }
    static func untrack(_ pid: Int32) { _ = pids.withLock { $0.remove(pid) } }

    /// SIGINT and SIGTERM: SIGKILL every tracked child and the rig's pcscd, reap them, exit 130.
    static func installInterruptHandler() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            // Made inside the lock: a dispatch source is not Sendable, so it never leaves it.
            sources.withLock { sources in
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler {
                    let all = pids.withLock { Array($0) } + [rig.withLock { $0?.servicePID }].compactMap { $0 }
                    for pid in all { kill(pid, SIGKILL) }
                    for pid in all { waitpid(pid, nil, 0) }
                    if let folder = scratch.withLock({ $0 }) { try? FileManager.default.removeItem(at: folder) }
                    FileHandle.standardError.write(Data("soak: interrupted; killed \(all.count) child processes\n".utf8))
                    exit(130)
                }
                source.resume()
                sources.append(source)
            }
        }
    }
}
