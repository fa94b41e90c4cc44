import Crypto
import Foundation

/// Signs HIS requests with HMAC-SHA256.
///
/// The signed string is, byte for byte (UTF-8, `\n` separators, no trailing newline):
///
///     <merchant id>\n<timestamp>\n<METHOD>\n<path>\n<query>
///
/// where `<timestamp>` is Unix seconds as sent in `x-timestamp`, `<path>` is the request path
/// starting with `/`, and `<query>` is the query string exactly as sent (without `?`). `x-sign` is
/// the lowercase hex HMAC-SHA256 of that string keyed with the shared secret's UTF-8 bytes. HIS
/// vendors' schemes vary [?]; this is the documented default a HIS integrator implements.
enum RequestSigner {
    static func stringToSign(merchantID: String, timestamp: Int, method: String, path: String, query: String) -> String {
        [merchantID, String(timestamp), method, path, query].joined(separator: "\n")
    }

    static func signature(secret: String, message: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Array(message.utf8), using: SymmetricKey(data: Array(secret.utf8)))
        return code.map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }.joined()
    }

    static func headers(_ signing: RequestSigning, timestamp: Int, method: String, path: String, query: String) -> [(String, String)] {
        let message = stringToSign(merchantID: signing.merchantID, timestamp: timestamp, method: method, path: path, query: query)
        return [("x-merchant-id", signing.merchantID), ("x-timestamp", String(timestamp)),
                ("x-sign", signature(secret: signing.secret.exposedValue, message: message))]
    }
}
