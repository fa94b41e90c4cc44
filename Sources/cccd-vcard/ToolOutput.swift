import CCCDIdentity
import Foundation

/// Unbuffered output: a test or script reading the pipe needs each line the moment it is written.
enum ToolOutput {
    static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func note(_ text: String) {
        FileHandle.standardError.write(Data(("cccd-vcard: " + text + "\n").utf8))
    }

    /// `message: diagnostic [code]`, in English: the operator started this tool with these files.
    static func error(_ error: any UserFacingError) {
        note("\(error.operatorText(in: .en)) [\(error.code)]")
    }
}
