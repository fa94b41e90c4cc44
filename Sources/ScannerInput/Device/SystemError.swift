import Glibc

/// Wording for errno values, for ``ScannerError/diagnostic`` and disconnect reasons.
enum SystemError {
    static func describe(_ code: Int32) -> String {
        "\(String(cString: strerror(code))) (errno \(code))"
    }
}
