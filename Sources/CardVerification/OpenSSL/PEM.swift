internal import COpenSSL

/// PEM files: several base64 blocks, read one after another by an OpenSSL PEM reader.
enum PEM {
    /// Whether `bytes` look like PEM text rather than DER (which starts with a SEQUENCE tag).
    static func isPEM(_ bytes: [UInt8]) -> Bool {
        let text = String(decoding: bytes.prefix(4096), as: UTF8.self)
        return text.contains("-----BEGIN ")
    }

    /// Every object `read` returns from `bytes`, until it finds no further block of its kind.
    static func read(_ bytes: [UInt8], _ read: (OpaquePointer) -> OpaquePointer?) throws(TrustStoreError) -> [OpaquePointer] {
        // A memory BIO of its own (not over `bytes` in place), so no pointer outlives a closure.
        let bio = try MemoryBIO()
        guard bytes.withUnsafeBytes({ BIO_write(bio.handle, $0.baseAddress, Int32($0.count)) }) == Int32(bytes.count) else {
            throw TrustStoreError(.openSSLFailure, diagnostic: OpenSSLErrors.diagnostic("BIO_write"))
        }
        var objects: [OpaquePointer] = []
        while let object = read(bio.handle) { objects.append(object) }
        // The reader ends on "no start line": the normal end of a file, not an error.
        _ = OpenSSLErrors.drain()
        return objects
    }
}
