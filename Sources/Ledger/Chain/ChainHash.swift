import Crypto
import Foundation

/// The hash chain: each record's hash is SHA-256(previous hash ‖ canonical encoding), starting
/// from 32 zero bytes, so changing, removing or reordering any record changes every later hash.
enum ChainHash {
    static let genesis = Data(repeating: 0, count: 32)

    static func hash(of record: LedgerRecord, previous: Data) -> Data {
        var hasher = SHA256()
        hasher.update(data: previous)
        CanonicalEncoding.encode(record).withUnsafeBytes { hasher.update(bufferPointer: $0) }
        return Data(hasher.finalize())
    }
}
