import CCCDIdentity
import Foundation

/// The CLI's error channel: every failure is one line on stderr, so scripts can show it as is.
enum StandardError {
    /// `message: diagnostic [code]` in the operator's language — the diagnostic may quote the
    /// input, which is fine on the terminal of the person who supplied it.
    static func writeLine(_ error: some UserFacingError, in language: Language) {
        writeLine("\(error.operatorText(in: language)) [\(error.code)]")
    }

    static func writeLine(_ text: String) {
        let line = text.replacingOccurrences(of: "\n", with: " ") + "\n"
        FileHandle.standardError.write(Data(line.utf8))
    }
}
