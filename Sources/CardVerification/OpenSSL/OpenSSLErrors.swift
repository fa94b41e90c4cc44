internal import COpenSSL

/// OpenSSL's thread-local error queue, read as text for an operator's diagnostic.
enum OpenSSLErrors {
    /// Drains the queue (so a later failure does not report this one) and joins its reason
    /// strings. They name OpenSSL's library and reason only, never the data being checked.
    static func drain() -> String {
        var reasons: [String] = []
        while true {
            let code = ERR_get_error()
            if code == 0 { break }
            var buffer = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &buffer, buffer.count)
            reasons.append(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return reasons.joined(separator: "; ")
    }

    /// `function: reasons`, or just `function` when the queue was empty.
    static func diagnostic(_ function: String) -> String {
        let reasons = drain()
        return reasons.isEmpty ? function : "\(function): \(reasons)"
    }
}
