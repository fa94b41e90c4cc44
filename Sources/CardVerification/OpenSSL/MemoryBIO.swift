internal import COpenSSL

/// A memory BIO: where OpenSSL writes text (names, content) that Swift then reads back.
final class MemoryBIO {
    let handle: OpaquePointer

    init() throws(TrustStoreError) {
        guard let handle = BIO_new(BIO_s_mem()) else {
            throw TrustStoreError(.openSSLFailure, diagnostic: OpenSSLErrors.diagnostic("BIO_new"))
        }
        self.handle = handle
    }

    deinit { BIO_free(handle) }

    /// Everything written so far.
    var bytes: [UInt8] {
        var data: UnsafeMutablePointer<CChar>?
        let count = cccd_bio_mem_data(handle, &data)
        guard count > 0, let data else { return [] }
        return data.withMemoryRebound(to: UInt8.self, capacity: count) { Array(UnsafeBufferPointer(start: $0, count: count)) }
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }
}
