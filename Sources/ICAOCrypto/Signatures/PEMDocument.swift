internal import COpenSSL

/// The base64 body of one PEM block (RFC 7468), decoded with OpenSSL's base64 decoder.
///
/// Only the first `-----BEGIN <label>-----` … `-----END <label>-----` block counts; headers such
/// as `Proc-Type` (legacy encrypted keys) are detected and refused rather than misread.
struct PEMDocument {
    let label: String
    let der: [UInt8]

    init(_ text: String) throws {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingWhitespace() }
        guard let begin = lines.firstIndex(where: { $0.hasPrefix("-----BEGIN ") && $0.hasSuffix("-----") }) else {
            throw KeyFileError(.notPEM, diagnostic: "no BEGIN line")
        }
        let label = String(lines[begin].dropFirst("-----BEGIN ".count).dropLast(5))
        guard let end = lines[(begin + 1)...].firstIndex(of: "-----END \(label)-----") else {
            throw KeyFileError(.notPEM, diagnostic: "no END line for \(label)")
        }
        let body = lines[(begin + 1)..<end]
        if label.contains("ENCRYPTED") || body.contains(where: { $0.contains(":") }) {
            throw KeyFileError(.encrypted, diagnostic: label)
        }
        self.label = label
        self.der = try Self.decodeBase64(body.joined())
    }

    private static func decodeBase64(_ text: String) throws -> [UInt8] {
        let input = Array(text.utf8)
        guard !input.isEmpty, input.count % 4 == 0 else { throw KeyFileError(.notPEM, diagnostic: "base64 length \(input.count)") }
        var output = [UInt8](repeating: 0, count: input.count / 4 * 3)
        let decoded = EVP_DecodeBlock(&output, input, Int32(input.count))
        guard decoded >= 0 else { throw KeyFileError(.notPEM, diagnostic: "invalid base64") }
        // EVP_DecodeBlock counts the bytes that '=' padding stands for; drop them.
        let padding = input.reversed().prefix { $0 == UInt8(ascii: "=") }.count
        return Array(output.prefix(Int(decoded) - padding))
    }
}

extension Substring {
    fileprivate func trimmingWhitespace() -> String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
