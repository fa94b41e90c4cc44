internal import COpenSSL

/// Turns OpenSSL's thread-local error queue into a ``CryptoError``.
enum OpenSSLError {
    /// Drains the error queue (so a later failure does not report this one) and keeps its
    /// reason strings — library and reason names only, never data — as the diagnostic.
    static func capture(_ function: String, reason: CryptoFailure = .openSSLFailure) -> CryptoError {
        var reasons: [String] = []
        while true {
            let code = ERR_get_error()
            if code == 0 { break }
            var buffer = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &buffer, buffer.count)
            reasons.append(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        let detail = reasons.isEmpty ? function : "\(function): \(reasons.joined(separator: "; "))"
        return CryptoError(reason, diagnostic: detail)
    }
}
