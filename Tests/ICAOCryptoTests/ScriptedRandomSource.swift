import ICAOCrypto
import Synchronization

/// Hands out pre-recorded "random" values in order, so the standard's private keys can be used.
final class ScriptedRandomSource: RandomSource {
    private let queue: Mutex<[[UInt8]]>

    init(_ values: [[UInt8]]) {
        queue = Mutex(values)
    }

    func randomBytes(_ count: Int) throws -> [UInt8] {
        try queue.withLock { values in
            guard !values.isEmpty else { throw CryptoError(.randomSourceFailed, diagnostic: "script exhausted") }
            return values.removeFirst()
        }
    }
}
