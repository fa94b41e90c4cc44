/// Quotes offending input for an error's `diagnostic` so it stays on one short line.
///
/// The CLI prints errors as exactly one stderr line and the kiosk shows them in a fixed box, so
/// control characters and backslashes are escaped (`\n`, `\u{7}`), an empty field shows as `""`,
/// and long input is cut with `…` (a whole QR payload is not a diagnostic).
enum DiagnosticQuote {
    static let limit = 64

    static func quote(_ text: some StringProtocol) -> String {
        guard !text.isEmpty else { return "\"\"" }
        var result = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == limit {
                result += "…"
                break
            }
            switch scalar {
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if ControlCharacters.isControl(scalar) || scalar.properties.generalCategory == .format {
                    result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
            count += 1
        }
        return result
    }
}
